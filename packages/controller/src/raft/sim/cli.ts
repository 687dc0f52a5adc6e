/**
 * `npm run sim -- --seeds N --steps M [--seed S] [--voters 3|5] [--bug NAME] [--trace]`
 *
 * Runs the Raft simulator over seeds 1..N (or only seed S), prints one summary, and for every failing
 * seed the violated invariant, the command that replays it exactly, and (with --trace) its last
 * events. Exits 1 when any seed fails.
 */
import { performance } from "node:perf_hooks";
import { runSimulation } from "./simulator.js";
import type { SimulationResult } from "./simulator.js";
import type { SimBug } from "./sim-node.js";

const BUGS: readonly SimBug[] = ["ack-before-persist", "forget-vote-on-restart"];

interface CliOptions {
  seeds: number;
  steps: number;
  seed: number | undefined;
  voters: number | undefined;
  bug: SimBug | undefined;
  trace: boolean;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { seeds: 100, steps: 3000, seed: undefined, voters: undefined, bug: undefined, trace: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case "--seeds":
        options.seeds = positiveInt(arg, value());
        break;
      case "--steps":
        options.steps = positiveInt(arg, value());
        break;
      case "--seed":
        options.seed = positiveInt(arg, value());
        break;
      case "--voters":
        options.voters = positiveInt(arg, value());
        break;
      case "--bug": {
        const bug = value();
        if (!BUGS.includes(bug as SimBug)) usage(`--bug must be one of ${BUGS.join(", ")}`);
        options.bug = bug as SimBug;
        break;
      }
      case "--trace":
        options.trace = true;
        break;
      case "--help":
      case "-h":
        usage();
        break;
      default:
        usage(`unknown argument ${arg}`);
    }
  }
  return options;
}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) usage(`${name} must be a positive integer, got ${text}`);
  return n;
}

function usage(problem?: string): never {
  if (problem !== undefined) console.error(`sim: ${problem}`);
  console.error("usage: npm run sim -- [--seeds N] [--steps M] [--seed S] [--voters 3|5] [--bug NAME] [--trace]");
  process.exit(problem === undefined ? 0 : 2);
}

function replayCommand(options: CliOptions, result: SimulationResult): string {
  const extra = [options.voters === undefined ? "" : ` --voters ${options.voters}`, options.bug === undefined ? "" : ` --bug ${options.bug}`].join("");
  return `npm run sim -- --seed ${result.seed} --steps ${result.steps}${extra} --trace`;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const seeds = options.seed === undefined ? Array.from({ length: options.seeds }, (_, i) => i + 1) : [options.seed];
  const started = performance.now();
  const failures: SimulationResult[] = [];
  const totals = { events: 0, ticks: 0, leaderTerms: 0, committed: 0, crashes: 0, partitions: 0, compactions: 0, snapshotsRestored: 0, transfers: 0, messagesSent: 0, messagesLost: 0 };
  let maxRecovery = 0;
  for (const seed of seeds) {
    const result = runSimulation({ seed, steps: options.steps, voterCount: options.voters, bug: options.bug });
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result.stats[key];
    maxRecovery = Math.max(maxRecovery, result.stats.recoveryTicks);
    if (result.violation !== undefined) {
      failures.push(result);
      console.log(`seed ${seed} FAILED at event ${result.failedAt?.event} (tick ${result.failedAt?.tick}): ${result.violation.message}`);
      console.log(`  replay: ${replayCommand(options, result)}`);
      if (options.trace) for (const line of result.trace) console.log(`    ${line}`);
    } else if (options.trace) {
      for (const line of result.trace) console.log(`    ${line}`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `raft sim: ${seeds.length} seeds x ${options.steps} steps${options.bug === undefined ? "" : ` with bug ${options.bug}`} in ${seconds}s: ` +
      `${seeds.length - failures.length} passed, ${failures.length} failed`,
  );
  console.log(
    `  ${totals.events} events, ${totals.ticks} ticks, ${totals.leaderTerms} leader terms, ${totals.committed} committed entries, ` +
      `${totals.crashes} crashes, ${totals.partitions} partitions, ${totals.compactions} compactions, ` +
      `${totals.snapshotsRestored} snapshots installed, ${totals.transfers} transfers, ` +
      `${totals.messagesSent} messages (${totals.messagesLost} lost); slowest recovery ${maxRecovery} ticks`,
  );
  if (failures.length > 0) {
    console.log(`failing seeds: ${failures.map((f) => f.seed).join(" ")}`);
    process.exitCode = 1;
  }
}

main();
