import type { Cluster } from "../cluster/cluster.js";
import { TributaryError } from "../errors/tributary-error.js";
import { sleep } from "../time/clock.js";

/**
 * waitForLeaders polls metadata until each topic has at least its expected partition count and
 * every partition a leader, or `timeoutMs` passes.
 *
 * @throws TributaryError LEADER_NOT_AVAILABLE naming the partitions still without a leader.
 */
export async function waitForLeaders(cluster: Cluster, expected: ReadonlyMap<string, number>, timeoutMs: number): Promise<void> {
  const { clock } = cluster;
  const deadlineMs = clock.nowMs() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    for (const topic of expected.keys()) cluster.metadata.markStale(topic);
    await cluster.refreshMetadata(expected.keys()).catch(() => undefined);
    const pending: string[] = [];
    for (const [topic, count] of expected) {
      const partitions = cluster.metadata.topic(topic)?.partitions ?? [];
      if (partitions.length < count) pending.push(`${topic} (${partitions.length} of ${count} partitions known)`);
      else for (const partition of partitions) if (partition.leader < 0) pending.push(`${topic}-${partition.partition}`);
    }
    if (pending.length === 0) return;
    const nowMs = clock.nowMs();
    if (nowMs >= deadlineMs) {
      throw new TributaryError(
        "LEADER_NOT_AVAILABLE",
        `the topics were created, but ${pending.join(", ")} had no leader within ${timeoutMs} ms; they may still get one: check that enough brokers are up (describeTopics shows the state)`,
      );
    }
    await sleep(clock, Math.min(cluster.retrier.delayMs(Math.min(attempt, 4)), deadlineMs - nowMs), cluster.signal);
  }
}
