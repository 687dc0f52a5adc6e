/**
 * Produce unavailability after a partition leader SIGKILL (`npm run bench:failover`): three
 * controllers and three brokers on this host; an RF=3 topic with min.insync.replicas=2. Each run
 * kills the partition leader, then retries an acks=all produce until one succeeds, and reports
 * the time from the kill to that success. The killed broker is restarted and the ISR allowed to
 * fill before the next run.
 */
import { TestCluster } from "../harness/cluster.js";
import { createTopic, produceValuesToLeader, waitForIsr } from "../harness/records.js";

const RUNS = Number(process.env.RUNS ?? 20);
// A dead leader is noticed when its session expires; SESSION_TIMEOUT_MS sets broker.session.timeout.ms.
const SESSION_TIMEOUT_MS = process.env.SESSION_TIMEOUT_MS ?? "9000";
const cluster = await TestCluster.start({
  brokers: 3,
  controllerProperties: { "broker.session.timeout.ms": SESSION_TIMEOUT_MS },
  brokerProperties: { "broker.heartbeat.interval.ms": String(Math.max(100, Math.floor(Number(SESSION_TIMEOUT_MS) / 6))) },
});
try {
  await createTopic(cluster, "failover", 1, 3, { "min.insync.replicas": "2" });
  await produceValuesToLeader(cluster, "failover", 0, ["warm-up"]);
  const unavailableMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const leader = await cluster.partitionLeader("failover", 0);
    const killed = performance.now();
    await leader.process.kill9();
    await produceValuesToLeader(cluster, "failover", 0, [`after-kill-${run}`]);
    unavailableMs.push(performance.now() - killed);
    leader.process.start();
    await waitForIsr(cluster, "failover", 0, [101, 102, 103]);
  }
  const sorted = [...unavailableMs].sort((a, b) => a - b);
  console.log(
    `produce unavailability after a leader SIGKILL (${RUNS} runs, broker.session.timeout.ms=${SESSION_TIMEOUT_MS}): median ${sorted[Math.floor(RUNS / 2)]!.toFixed(0)} ms, ` +
      `best ${sorted[0]!.toFixed(0)} ms, worst ${sorted[RUNS - 1]!.toFixed(0)} ms`,
  );
} finally {
  await cluster.stop();
}
