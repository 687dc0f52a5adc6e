/**
 * npm run chaos -- [--seed S] [--duration SECONDS] [--out FILE]
 *
 * Runs a seeded fault schedule against a process cluster under an idempotent acks=all workload,
 * prints the checker's report and writes it as JSON (default .chaos/report-<seed>.json). Exits 1
 * when the checker finds a violation.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { chaosPassed, formatChaosResult, runChaos } from "./run-chaos.js";

const { values } = parseArgs({ options: { seed: { type: "string" }, duration: { type: "string", default: "60" }, out: { type: "string" } } });
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const durationS = Number(values.duration);
if (!Number.isSafeInteger(seed) || !Number.isFinite(durationS) || durationS < 10) {
  process.stderr.write("usage: npm run chaos -- [--seed S] [--duration SECONDS >= 10] [--out FILE]\n");
  process.exit(2);
}
const result = await runChaos({ seed, durationMs: durationS * 1000, log: (line) => process.stdout.write(`${line}\n`) });
const out = values.out ?? `.chaos/report-${seed}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 2));
process.stdout.write(`${formatChaosResult(result)}\nreport written to ${out}\n`);
process.exit(chaosPassed(result) ? 0 : 1);
