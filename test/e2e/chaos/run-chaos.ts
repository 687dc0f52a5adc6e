import { LogLevel, Tributary, type Consumer, type Producer } from "@tributary/client";
import { unaryCall } from "@tributary/client/internal/wire";
import { TestCluster, type BrokerHandle } from "../harness/cluster.js";
import { createTopic, readAll } from "../harness/records.js";
import { waitFor } from "../harness/wait.js";
import { checkChaos, type ChaosReport, type Observed, type SendOutcome } from "./checker.js";
import { PartitionPoller } from "./poller.js";
import { SeededRandom } from "./random.js";
import { makeSchedule, type ScheduledFault } from "./schedule.js";

/** ChaosOptions configures one chaos run. */
export interface ChaosOptions {
  readonly seed: number;
  readonly durationMs: number;
  readonly partitions?: number;
  readonly producers?: number;
  /** Sends each producer keeps in flight. */
  readonly inFlightPerProducer?: number;
  readonly log?: (line: string) => void;
}

/** FaultTiming is what one fault cost. */
export interface FaultTiming {
  readonly fault: ScheduledFault;
  readonly target: string;
  /** The longest stretch, from the fault to 10 s after it healed, with no acknowledged write. */
  readonly longestUnavailableMs: number;
  /** From healing until every partition had its full ISR again. */
  readonly fullIsrAfterHealMs: number;
}

/** GroupReport is what the consumer group read: at least once, so repeats are counted, not failed. */
export interface GroupReport {
  readonly members: number;
  /** missed: acknowledged values the group never delivered (a failure). */
  readonly missed: number;
  /** redelivered: deliveries beyond the first (expected after rebalances and crashes). */
  readonly redelivered: number;
}

/** ChaosResult is a run's verdict and timings. */
export interface ChaosResult {
  readonly seed: number;
  readonly durationMs: number;
  readonly report: ChaosReport;
  readonly group: GroupReport;
  readonly faults: readonly FaultTiming[];
}

const TOPIC = "chaos";
const SESSION_TIMEOUT_MS = 3_000;

const AMBIGUOUS = new Set(["REQUEST_TIMED_OUT", "NOT_ENOUGH_REPLICAS_AFTER_APPEND", "NETWORK_EXCEPTION", "SHUTTING_DOWN"]);

function outcomeOfError(error: unknown): SendOutcome {
  // A producer that retried cannot know whether an earlier attempt was written: anything but a
  // refusal that guarantees nothing was written is ambiguous.
  const code = (error as { code?: string }).code ?? "";
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? "";
  if (code === "INVALID_RECORD" || code === "CORRUPT_MESSAGE") return { kind: "failed" };
  return { kind: "ambiguous", reason: AMBIGUOUS.has(code) ? code : `${code || "error"}${cause ? `/${cause}` : ""}` };
}

async function fullIsr(cluster: TestCluster, partitions: number): Promise<boolean> {
  const metadata = await unaryCall(cluster.anyBroker().client, "Metadata", { topics: [TOPIC] }, 2_000);
  const states = metadata.topics[0]?.partitions ?? [];
  return states.length === partitions && states.every((state) => state.isr.length === 3);
}

/** runChaos runs a seeded fault schedule against a process cluster under load and checks the history. */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => {});
  const partitions = options.partitions ?? 3;
  const producerCount = options.producers ?? 3;
  const inFlight = options.inFlightPerProducer ?? 8;
  const random = new SeededRandom(options.seed);
  const schedule = makeSchedule(random, options.durationMs, partitions, SESSION_TIMEOUT_MS);
  log(`seed ${options.seed}: ${schedule.length} faults over ${options.durationMs} ms: ${schedule.map((fault) => fault.kind).join(", ")}`);

  const cluster = await TestCluster.start({
    brokers: 3,
    controllerProperties: { "broker.session.timeout.ms": String(SESSION_TIMEOUT_MS) },
    brokerProperties: { "broker.heartbeat.interval.ms": "500", "replica.lag.time.max.ms": "3000" },
  });
  try {
    await createTopic(cluster, TOPIC, partitions, 3, { "min.insync.replicas": "2" });
    const client = new Tributary({ brokers: cluster.brokers.map((broker) => broker.address), clientId: "chaos", logLevel: LogLevel.NOTHING });
    const sends = new Map<string, SendOutcome>();
    const ackTimes: number[] = [];
    let producing = true;
    const producers: Producer[] = [];
    const loops: Promise<void>[] = [];
    for (let p = 0; p < producerCount; p++) {
      const producer = client.producer({ idempotent: true, acks: -1, lingerMs: 2, deliveryTimeoutMs: 30_000 });
      await producer.connect();
      producers.push(producer);
      let sequence = 0;
      const lane = async () => {
        while (producing) {
          const value = `p${p}-${sequence++}`;
          sends.set(value, { kind: "ambiguous", reason: "unanswered" });
          try {
            const [metadata] = await producer.send({ topic: TOPIC, messages: [{ value, partition: sequence % partitions }] });
            sends.set(value, { kind: "ok", partition: metadata!.partition, offset: metadata!.baseOffset });
            ackTimes.push(Date.now());
          } catch (error) {
            sends.set(value, outcomeOfError(error));
          }
        }
      };
      for (let i = 0; i < inFlight; i++) loops.push(lane());
    }
    const pollers = Array.from({ length: partitions }, (_, partition) => new PartitionPoller(cluster, TOPIC, partition));
    for (const poller of pollers) poller.start();
    // A consumer group reads everything too, at least once, through the same faults.
    const delivered = new Map<string, number>();
    const members: Consumer[] = [];
    for (let m = 0; m < 2; m++) {
      const consumer = client.consumer({ groupId: "chaos-group", fromBeginning: true, autoCommitIntervalMs: 1_000, sessionTimeoutMs: 10_000 });
      await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const value = message.value?.toString() ?? "";
          delivered.set(value, (delivered.get(value) ?? 0) + 1);
        },
      });
      members.push(consumer);
    }

    const started = Date.now();
    const timings: { fault: ScheduledFault; target: string; startedAt: number; healedAt: number; fullIsrAfterHealMs: number }[] = [];
    for (const fault of schedule) {
      const wait = started + fault.atMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const startedAt = Date.now();
      const { target, heal } = await inject(cluster, fault);
      log(`${((startedAt - started) / 1000).toFixed(1)}s ${fault.kind} ${target}`);
      await new Promise((resolve) => setTimeout(resolve, fault.healAfterMs));
      await heal();
      const healedAt = Date.now();
      await cluster.waitForBrokers(cluster.brokers.map((broker) => broker.nodeId), 120_000);
      await waitFor("the full ISR after healing", async () => ((await fullIsr(cluster, partitions).catch(() => false)) ? true : undefined), 120_000, 200);
      timings.push({ fault, target, startedAt, healedAt, fullIsrAfterHealMs: Date.now() - healedAt });
    }
    const remaining = started + options.durationMs - Date.now();
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));

    producing = false;
    await Promise.all(loops);
    await Promise.all(producers.map((producer) => producer.disconnect()));
    await waitFor("the full ISR at the end", async () => ((await fullIsr(cluster, partitions).catch(() => false)) ? true : undefined), 120_000, 200);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let pollers reach the end
    for (const poller of pollers) await poller.stop();

    const finalRead: Observed[] = [];
    for (let partition = 0; partition < partitions; partition++) {
      const records = await readAll(await cluster.partitionLeader(TOPIC, partition), TOPIC, partition);
      finalRead.push(...records.map((record) => ({ partition, offset: record.offset, value: record.value })));
    }
    const report = checkChaos(sends, finalRead, pollers.map((poller) => poller.observed));
    const acknowledgedValues = [...sends].filter(([, outcome]) => outcome.kind === "ok").map(([value]) => value);
    await waitFor("the group to deliver every acknowledged record", () => (acknowledgedValues.every((value) => delivered.has(value)) ? true : undefined), 60_000, 200).catch(() => undefined);
    await Promise.all(members.map((member) => member.disconnect().catch(() => undefined)));
    const group: GroupReport = {
      members: members.length,
      missed: acknowledgedValues.filter((value) => !delivered.has(value)).length,
      redelivered: [...delivered.values()].reduce((sum, count) => sum + count - 1, 0),
    };
    const faults = timings.map(({ fault, target, startedAt, healedAt, fullIsrAfterHealMs }) => ({
      fault,
      target,
      longestUnavailableMs: longestGap(ackTimes, startedAt, healedAt + 10_000),
      fullIsrAfterHealMs,
    }));
    return { seed: options.seed, durationMs: options.durationMs, report, group, faults };
  } finally {
    await cluster.stop();
  }
}

function longestGap(times: readonly number[], from: number, to: number): number {
  const inside = times.filter((time) => time >= from && time <= to).sort((a, b) => a - b);
  let longest = 0;
  let previous = from;
  for (const time of inside) {
    longest = Math.max(longest, time - previous);
    previous = time;
  }
  return Math.max(longest, (inside.length === 0 ? to : Math.min(to, Date.now())) - previous);
}

async function inject(cluster: TestCluster, fault: ScheduledFault): Promise<{ target: string; heal: () => Promise<void> }> {
  const brokers = cluster.brokers;
  const restart = (victims: readonly BrokerHandle[]) => async () => {
    for (const victim of victims) if (!victim.process.running) victim.process.start();
  };
  switch (fault.kind) {
    case "kill-partition-leader": {
      const leader = await cluster.partitionLeader(TOPIC, fault.partition);
      await leader.process.kill9();
      return { target: `broker ${leader.nodeId} (leader of ${TOPIC}-${fault.partition})`, heal: restart([leader]) };
    }
    case "kill-active-controller": {
      const controller = await cluster.activeController();
      await controller.process.kill9();
      return { target: `controller ${controller.nodeId}`, heal: async () => controller.process.start() };
    }
    case "kill-random-broker": {
      const victim = brokers[fault.choice % brokers.length]!;
      await victim.process.kill9();
      return { target: `broker ${victim.nodeId}`, heal: restart([victim]) };
    }
    case "kill-two-brokers": {
      const first = fault.choice % brokers.length;
      const victims = [brokers[first]!, brokers[(first + 1) % brokers.length]!];
      await Promise.all(victims.map((victim) => victim.process.kill9()));
      return { target: `brokers ${victims.map((victim) => victim.nodeId).join(" and ")}`, heal: restart(victims) };
    }
    case "pause-broker-past-session": {
      const victim = brokers[fault.choice % brokers.length]!;
      victim.process.pause();
      return { target: `broker ${victim.nodeId}`, heal: async () => victim.process.resume() };
    }
    case "restart-partition-leader": {
      const leader = await cluster.partitionLeader(TOPIC, fault.partition);
      await leader.process.stop();
      leader.process.start();
      return { target: `broker ${leader.nodeId} (leader of ${TOPIC}-${fault.partition}), clean restart`, heal: async () => {} };
    }
  }
}

/** formatChaosResult renders a run for humans, one fact per line. */
export function formatChaosResult(result: ChaosResult): string {
  const { report } = result;
  const lines = [
    `chaos seed ${result.seed}, ${Math.round(result.durationMs / 1000)} s: ${chaosPassed(result) ? "OK" : "VIOLATIONS FOUND"}`,
    `  sent ${report.sent}, acknowledged ${report.acknowledged}, ambiguous ${report.ambiguous}, failed ${report.failed}`,
    `  lost ${report.lost.length}, duplicates ${report.duplicates.length}, inconsistent offsets ${report.inconsistentOffsets.length}, acknowledged elsewhere ${report.acknowledgedElsewhere.length}`,
    `  nonmonotonic polls ${report.nonmonotonicPolls}, skipping polls ${report.skippingPolls}, aborted reads ${report.abortedReads.length}, unseen ${report.unseen}`,
    `  consumer group (${result.group.members} members, at least once): missed ${result.group.missed}, redelivered ${result.group.redelivered}`,
    "  faults:",
    ...result.faults.map(
      (timing) =>
        `    ${timing.fault.kind.padEnd(26)} ${timing.target.padEnd(40)} longest produce gap ${String(timing.longestUnavailableMs).padStart(6)} ms, full ISR ${String(timing.fullIsrAfterHealMs).padStart(6)} ms after healing`,
    ),
  ];
  return lines.join("\n");
}

/** chaosPassed is the run's verdict: the checker found nothing and the group missed nothing. */
export function chaosPassed(result: ChaosResult): boolean {
  return result.report.ok && result.group.missed === 0;
}
