import { AssertionError } from "@tributary/client/internal/assert";
import { raftConfig } from "../config.js";
import type { MemoryStorage } from "../memory-storage.js";
import type { RaftConfig, RaftLimits } from "../config.js";
import type { Message } from "../message.js";
import type { NodeId } from "../node-id.js";
import { SeededRandom } from "../random.js";
import { describeMessage } from "./describe-message.js";
import { EventQueue } from "./event-queue.js";
import { CALM_WEATHER, SimNetwork } from "./network.js";
import type { NetworkWeather } from "./network.js";
import { SafetyChecker, Violation } from "./safety-checker.js";
import { FINAL_PREFIX, SimNode } from "./sim-node.js";
import type { SimBug } from "./sim-node.js";

/**
 * A seeded, deterministic whole-cluster simulation of the Raft core (FoundationDB simulation,
 * TigerBeetle's VOPR, KRaft's RaftEventSimulationTest). Every source of nondeterminism — time,
 * network, disk latency, crashes, client load, compaction — comes from one {@link SeededRandom}, so
 * a seed replays the same run event for event.
 *
 * A run has two phases. Chaos: `steps` events with a lossy, duplicating, reordering network,
 * partitions (minority, majority, isolated leader, one-way links), process pauses, crashes that
 * lose unpersisted state, restarts, client proposals, leadership transfers and compaction at random. Recovery: the
 * network heals, every node restarts, faults stop, and a leader must commit a final proposal on every
 * node within `livenessTicks`. The {@link SafetyChecker} runs after every event.
 */

/** SimulationOptions configure one run. */
export interface SimulationOptions {
  readonly seed: number;
  /** Events to simulate in the chaos phase. */
  readonly steps: number;
  /** Voter count; by default the seed picks 3 or 5. */
  readonly voterCount?: number;
  /** A deliberately broken driver, to show the checker catches it. */
  readonly bug?: SimBug;
  /** Ticks the recovery phase may take before liveness counts as violated. */
  readonly livenessTicks?: number;
}

/** SimulationStats summarize what a run exercised. */
export interface SimulationStats {
  voters: number;
  events: number;
  /** Virtual time at the end, in ticks. */
  ticks: number;
  leaderTerms: number;
  maxTerm: number;
  committed: number;
  proposals: number;
  crashes: number;
  partitions: number;
  compactions: number;
  snapshotsRestored: number;
  transfers: number;
  messagesSent: number;
  messagesLost: number;
  /** Ticks the recovery phase took to commit the final proposal everywhere. */
  recoveryTicks: number;
}

/** SimulationResult is the outcome of one run: no violation, or the first one found. */
export interface SimulationResult {
  readonly seed: number;
  readonly steps: number;
  readonly violation: Violation | undefined;
  /** Event number and virtual tick of the violation. */
  readonly failedAt: { readonly event: number; readonly tick: number } | undefined;
  readonly stats: SimulationStats;
  /** The last events before the end of the run, oldest first. */
  readonly trace: readonly string[];
}

/** SIM_RAFT_LIMITS are small on purpose: many append messages, full windows, multi-chunk snapshots. */
export const SIM_RAFT_LIMITS: Partial<RaftLimits> = {
  electionTimeoutTicks: 10,
  heartbeatIntervalTicks: 1,
  maxInflightAppends: 4,
  maxAppendBytes: 160,
  snapshotChunkBytes: 256,
  maxUncommittedBytes: 2048,
  maxApplyBytes: 320,
};

/** Simulator time units per Raft tick (messages and disk writes take a few units). */
const TICK_UNITS = 10;
const TRACE_LENGTH = 60;

type SimEvent =
  | { readonly kind: "tick"; readonly id: NodeId; readonly incarnation: number }
  | { readonly kind: "deliver"; readonly message: Message }
  | { readonly kind: "persist"; readonly id: NodeId; readonly incarnation: number }
  | { readonly kind: "restart"; readonly id: NodeId }
  | { readonly kind: "chaos" };

/** runSimulation runs one seed and reports the first violated invariant, if any. */
export function runSimulation(options: SimulationOptions): SimulationResult {
  return new Simulation(options).run();
}

class Simulation {
  readonly #options: SimulationOptions;
  readonly #random: SeededRandom;
  readonly #chaosRandom: SeededRandom;
  readonly #nodeRandom: SeededRandom;
  readonly #network: SimNetwork;
  readonly #checker: SafetyChecker;
  readonly #queue = new EventQueue<SimEvent>();
  readonly #nodes = new Map<NodeId, SimNode>();
  readonly #configs = new Map<NodeId, RaftConfig>();
  /** Per-node tick period in units: clocks run at slightly different rates. */
  readonly #tickPeriods = new Map<NodeId, number>();
  readonly #trace: { time: number; describe: () => string }[] = [];
  readonly #stats: SimulationStats;
  #now = 0;
  #events = 0;
  #chaos = true;
  #proposalCounter = 0;
  #finalProposal: { term: number; leader: NodeId } | undefined = undefined;
  /** Nodes paused (a GC pause, SIGSTOP) until the given time; their events wait until then. */
  readonly #pausedUntil = new Map<NodeId, number>();
  /** Disk write latency range for this seed. */
  readonly #diskLatency: readonly [number, number];

  constructor(options: SimulationOptions) {
    this.#options = options;
    this.#random = new SeededRandom(options.seed);
    this.#chaosRandom = this.#random.fork();
    this.#nodeRandom = this.#random.fork();
    this.#network = new SimNetwork(this.#random.fork());
    const voterCount = options.voterCount ?? (this.#random.chance(0.5) ? 3 : 5);
    const voters = Array.from({ length: voterCount }, (_, i) => i + 1);
    const disks = new Map<NodeId, MemoryStorage>();
    this.#checker = new SafetyChecker(disks);
    // Fast, ordinary and slow disks: the slower the disk, the wider the window in which a crash
    // loses a Ready's writes and the longer entries stay unstable (and truncatable) in memory.
    this.#diskLatency = this.#random.pick([[0, 2], [1, 6], [2, 12], [5, 40]] as const);
    this.#stats = {
      voters: voterCount,
      events: 0,
      ticks: 0,
      leaderTerms: 0,
      maxTerm: 0,
      committed: 0,
      proposals: 0,
      crashes: 0,
      partitions: 0,
      compactions: 0,
      snapshotsRestored: 0,
      transfers: 0,
      messagesSent: 0,
      messagesLost: 0,
      recoveryTicks: 0,
    };
    const context = {
      checker: this.#checker,
      bug: options.bug,
      send: (message: Message) => this.#send(message),
      schedulePersist: (id: NodeId, incarnation: number) => {
        const [lo, hi] = this.#diskLatency;
        this.#queue.push(this.#now + this.#random.intBetween(lo, hi), { kind: "persist", id, incarnation });
      },
      onSnapshotRestored: () => {
        this.#stats.snapshotsRestored++;
      },
    };
    for (const id of voters) {
      const sim = new SimNode(id, context);
      disks.set(id, sim.disk);
      this.#nodes.set(id, sim);
      this.#configs.set(id, raftConfig(id, voters, SIM_RAFT_LIMITS));
      this.#tickPeriods.set(id, TICK_UNITS + this.#random.intBetween(-1, 1));
    }
  }

  run(): SimulationResult {
    let violation: Violation | undefined;
    try {
      for (const id of this.#nodes.keys()) this.#start(id, this.#random.intBetween(0, TICK_UNITS - 1));
      this.#queue.push(this.#chaosRandom.intBetween(1, 5 * TICK_UNITS), { kind: "chaos" });
      for (let step = 0; step < this.#options.steps; step++) {
        if (!this.#processNext()) break;
      }
      this.#recover();
    } catch (error) {
      violation = toViolation(error);
    }
    const stats = this.#stats;
    stats.events = this.#events;
    stats.ticks = Math.floor(this.#now / TICK_UNITS);
    stats.leaderTerms = this.#checker.leaderTerms;
    stats.committed = this.#checker.committedCount;
    stats.messagesSent = this.#network.stats.sent;
    stats.messagesLost = this.#network.stats.dropped + this.#network.stats.cut;
    for (const node of this.#nodes.values()) stats.maxTerm = Math.max(stats.maxTerm, node.disk.initialHardState().term);
    return {
      seed: this.#options.seed,
      steps: this.#options.steps,
      violation,
      failedAt: violation === undefined ? undefined : { event: this.#events, tick: Math.floor(this.#now / TICK_UNITS) },
      stats,
      trace: this.#trace.map((t) => `[${(t.time / TICK_UNITS).toFixed(1)}] ${t.describe()}`),
    };
  }

  // ----- Event loop -----

  #processNext(): boolean {
    const next = this.#queue.pop();
    if (next === undefined) return false;
    this.#now = next.time;
    this.#events++;
    this.#handle(next.event);
    return true;
  }

  #handle(event: SimEvent): void {
    const target = event.kind === "deliver" ? event.message.to : event.kind === "chaos" || event.kind === "restart" ? undefined : event.id;
    const pausedUntil = target === undefined ? undefined : this.#pausedUntil.get(target);
    if (pausedUntil !== undefined && pausedUntil > this.#now) {
      // A paused process neither ticks nor reads its socket nor sees its disk writes complete.
      this.#queue.push(pausedUntil, event);
      return;
    }
    switch (event.kind) {
      case "tick": {
        const sim = this.#node(event.id);
        if (sim.node === undefined || sim.incarnation !== event.incarnation) return;
        sim.node.tick();
        this.#settle(sim);
        this.#queue.push(this.#now + this.#tickPeriods.get(event.id)!, event);
        return;
      }
      case "deliver": {
        const m = event.message;
        const sim = this.#node(m.to);
        if (sim.node === undefined || this.#network.isBlocked(m.from, m.to)) {
          if (sim.node !== undefined) this.#network.stats.cut++;
          return;
        }
        this.#record(() => `deliver ${describeMessage(m)}`);
        sim.node.step(m);
        this.#settle(sim);
        return;
      }
      case "persist": {
        const sim = this.#node(event.id);
        if (sim.node === undefined || sim.incarnation !== event.incarnation) return;
        this.#record(() => `persist n${event.id}`);
        sim.persisted(event.incarnation);
        this.#settle(sim);
        return;
      }
      case "restart":
        if (!this.#node(event.id).up) this.#start(event.id, 0);
        return;
      case "chaos":
        if (!this.#chaos) return;
        this.#chaosAction();
        this.#queue.push(this.#now + this.#chaosRandom.intBetween(1, 4 * TICK_UNITS), event);
        return;
    }
  }

  /** settle runs the node's driver loop and checks the invariants it may have touched. */
  #settle(sim: SimNode): void {
    sim.pump();
    if (sim.node !== undefined) this.#checker.observe(sim.id, sim.node);
  }

  #send(message: Message): void {
    for (const delay of this.#network.plan()) this.#queue.push(this.#now + delay, { kind: "deliver", message });
  }

  #start(id: NodeId, phase: number): void {
    const sim = this.#node(id);
    sim.start(this.#configs.get(id)!, this.#nodeRandom.fork());
    this.#record(() => `start n${id} (incarnation ${sim.incarnation})`);
    this.#queue.push(this.#now + phase + 1, { kind: "tick", id, incarnation: sim.incarnation });
    this.#settle(sim);
  }

  // ----- Chaos -----

  #chaosAction(): void {
    const r = this.#chaosRandom;
    const roll = r.nextInt(100);
    if (roll < 40) this.#propose(r.intBetween(1, 3));
    else if (roll < 48) this.#crash();
    else if (roll < 56) this.#partition();
    else if (roll < 64) this.#heal();
    else if (roll < 78) this.#compact();
    else if (roll < 82) this.#transfer();
    else if (roll < 90) this.#changeWeather();
    else if (roll < 93) this.#pause();
    // Otherwise: a quiet moment.
  }

  #propose(count: number): void {
    const leader = this.#currentLeader();
    if (leader === undefined) return;
    const batch = Array.from({ length: count }, () => new TextEncoder().encode(`v${++this.#proposalCounter}`));
    const result = leader.node!.proposeBatch(batch);
    this.#record(() => `propose ${count} at n${leader.id}: ${result.ok ? `ok ${result.firstIndex}..${result.lastIndex}` : result.reason}`);
    if (result.ok) this.#stats.proposals += count;
    this.#settle(leader);
  }

  #crash(): void {
    const up = [...this.#nodes.values()].filter((n) => n.up);
    if (up.length === 0) return;
    const leader = this.#currentLeader();
    // Favor the interesting victims: the leader, and nodes with writes in flight (whose crash loses
    // state that the Ready contract must have kept from being acknowledged).
    const writing = up.filter((n) => n.hasPendingWrite);
    const r = this.#chaosRandom;
    const victim = leader !== undefined && r.chance(0.3) ? leader : writing.length > 0 && r.chance(0.5) ? r.pick(writing) : r.pick(up);
    this.#record(() => `crash n${victim.id}${victim.hasPendingWrite ? " (write in flight)" : ""}`);
    victim.crash();
    this.#pausedUntil.delete(victim.id);
    this.#stats.crashes++;
    const downFor = this.#chaosRandom.intBetween(1, 40) * TICK_UNITS;
    this.#queue.push(this.#now + downFor, { kind: "restart", id: victim.id });
  }

  #pause(): void {
    const up = [...this.#nodes.values()].filter((n) => n.up);
    if (up.length === 0) return;
    const leader = this.#currentLeader();
    const victim = leader !== undefined && this.#chaosRandom.chance(0.5) ? leader : this.#chaosRandom.pick(up);
    const ticks = this.#chaosRandom.intBetween(1, 30);
    this.#pausedUntil.set(victim.id, this.#now + ticks * TICK_UNITS);
    this.#record(() => `pause n${victim.id} for ${ticks} ticks`);
  }

  #partition(): void {
    const r = this.#chaosRandom;
    const ids = [...this.#nodes.keys()];
    if (ids.length < 2) return;
    this.#network.heal();
    const kind = r.pick(["isolate-leader", "minority", "majority-split", "one-way"] as const);
    const leader = this.#currentLeader()?.id ?? r.pick(ids);
    switch (kind) {
      case "isolate-leader":
        this.#network.partition([[leader], ids.filter((id) => id !== leader)]);
        break;
      case "minority":
      case "majority-split": {
        const shuffled = shuffle(ids, r);
        const size = kind === "minority" ? r.intBetween(1, Math.max(1, Math.floor((ids.length - 1) / 2))) : Math.floor(ids.length / 2);
        this.#network.partition([shuffled.slice(0, size), shuffled.slice(size)]);
        break;
      }
      case "one-way": {
        const links = r.intBetween(1, ids.length);
        for (let i = 0; i < links; i++) {
          const from = r.chance(0.5) ? leader : r.pick(ids);
          const to = r.pick(ids.filter((id) => id !== from));
          this.#network.block(from, to);
        }
        break;
      }
    }
    this.#stats.partitions++;
    const blocked = `partition ${kind}: ${this.#network.describeBlocked()}`;
    this.#record(() => blocked);
  }

  #heal(): void {
    if (!this.#network.hasPartitions()) return;
    this.#network.heal();
    this.#record(() => "heal");
  }

  #compact(): void {
    const candidates = [...this.#nodes.values()].filter((n) => n.up && n.applied > n.disk.snapshotMetadata().index);
    if (candidates.length === 0) return;
    const sim = this.#chaosRandom.pick(candidates);
    const first = sim.disk.snapshotMetadata().index + 1;
    // Usually keep a short tail so slightly lagging followers still catch up from the log.
    const index = this.#chaosRandom.chance(0.5) ? sim.applied : this.#chaosRandom.intBetween(first, sim.applied);
    sim.compact(index);
    this.#stats.compactions++;
    this.#record(() => `compact n${sim.id} to ${index}`);
  }

  #transfer(): void {
    const leader = this.#currentLeader();
    if (leader === undefined) return;
    const peers = [...this.#nodes.keys()].filter((id) => id !== leader.id);
    const target = peers.length === 0 || this.#chaosRandom.chance(0.5) ? undefined : this.#chaosRandom.pick(peers);
    const result = leader.node!.transferLeadership(target);
    this.#record(() => `transfer from n${leader.id}: ${result.ok ? `to n${result.transferee}` : result.reason}`);
    if (result.ok) this.#stats.transfers++;
    this.#settle(leader);
  }

  #changeWeather(): void {
    const r = this.#chaosRandom;
    const weather: NetworkWeather = {
      dropRate: r.pick([0, 0, 0.02, 0.1, 0.3]),
      duplicateRate: r.pick([0, 0.02, 0.1]),
      minDelay: 1,
      maxDelay: r.pick([5, 10, 30]),
      stragglerRate: r.pick([0, 0.01, 0.05]),
      stragglerDelay: r.pick([5, 20, 100]) * TICK_UNITS,
    };
    this.#network.weather = weather;
    const described = `weather ${JSON.stringify(weather)}`;
    this.#record(() => described);
  }

  // ----- Recovery and liveness -----

  #recover(): void {
    this.#chaos = false;
    this.#network.heal();
    this.#network.weather = CALM_WEATHER;
    this.#pausedUntil.clear();
    this.#record(() => "recovery: heal, calm network, restart all, stop faults");
    for (const [id, sim] of this.#nodes) if (!sim.up) this.#start(id, 0);
    const start = this.#now;
    const deadline = start + (this.#options.livenessTicks ?? 300) * TICK_UNITS;
    while (!this.#allAppliedFinal()) {
      this.#maybeProposeFinal();
      if (this.#now > deadline || !this.#processNext()) {
        const statuses = [...this.#nodes.values()].map((n) => {
          const s = n.node!.basicStatus();
          return `n${n.id}:${s.role}@${s.term} commit=${s.commit} applied=${n.applied} last=${s.lastIndex}`;
        });
        throw new Violation(
          "liveness",
          `no proposal committed on every node within ${this.#options.livenessTicks ?? 300} ticks after healing [${statuses.join(", ")}]`,
        );
      }
    }
    this.#stats.recoveryTicks = Math.ceil((this.#now - start) / TICK_UNITS);
    const leader = this.#currentLeader();
    if (leader !== undefined) this.#checker.checkFinalLeader(leader.id, leader.node!);
  }

  #maybeProposeFinal(): void {
    const leader = this.#currentLeader();
    if (leader === undefined) return;
    const term = leader.node!.basicStatus().term;
    if (this.#finalProposal !== undefined && this.#finalProposal.term === term && this.#finalProposal.leader === leader.id) return;
    const result = leader.node!.propose(new TextEncoder().encode(`${FINAL_PREFIX}-${term}`));
    if (!result.ok) return;
    this.#finalProposal = { term, leader: leader.id };
    this.#record(() => `propose final at n${leader.id} term ${term}: index ${result.lastIndex}`);
    this.#settle(leader);
  }

  #allAppliedFinal(): boolean {
    for (const sim of this.#nodes.values()) if (!sim.appliedFinal) return false;
    return true;
  }

  // ----- Helpers -----

  /** The up node that leads the highest term, if any. */
  #currentLeader(): SimNode | undefined {
    let best: SimNode | undefined;
    let bestTerm = -1;
    for (const sim of this.#nodes.values()) {
      const status = sim.node?.basicStatus();
      if (status?.role === "leader" && status.term > bestTerm) {
        best = sim;
        bestTerm = status.term;
      }
    }
    return best;
  }

  #node(id: NodeId): SimNode {
    const sim = this.#nodes.get(id);
    if (sim === undefined) throw new Error(`no simulated node ${id}`);
    return sim;
  }

  #record(describe: () => string): void {
    // A ring of the last TRACE_LENGTH events, formatted only when the run ends.
    this.#trace.push({ time: this.#now, describe });
    if (this.#trace.length > TRACE_LENGTH) this.#trace.shift();
  }
}

function toViolation(error: unknown): Violation {
  if (error instanceof Violation) return error;
  if (error instanceof AssertionError) return new Violation("assertion", error.message);
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  return new Violation("exception", detail);
}

function shuffle<T>(items: readonly T[], random: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
