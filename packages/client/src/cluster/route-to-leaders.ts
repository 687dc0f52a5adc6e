import { TributaryError } from "../errors/tributary-error.js";
import type { BrokerConnection } from "../connection/broker-connection.js";
import { TributaryAggregateError, type ItemFailure } from "./aggregate-error.js";
import type { Cluster } from "./cluster.js";

/** PartitionItem is work for one partition. */
export interface PartitionItem {
  readonly topic: string;
  readonly partition: number;
}

/** PartitionOutcome is a broker's answer for one partition: an error, or a result. */
export interface PartitionOutcome<Result> {
  readonly topic: string;
  readonly partition: number;
  readonly error: TributaryError | null;
  readonly result?: Result;
}

/** partitionKey names a partition as "topic-partition", Kafka's spelling. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/**
 * routeToLeaders runs per-partition work (ListOffsets, DeleteRecords, and the consumer's
 * requests next) on the partitions' leaders: it groups items by leader, makes one call per
 * leader in parallel, and retries only the items whose error was retriable, after following
 * leader hints or refreshing metadata. Results are keyed by {@link partitionKey}.
 *
 * @throws the error (or a TributaryAggregateError) of items that failed for good, or
 *   TributaryRetriesExceededError when items kept failing with retriable errors.
 */
export async function routeToLeaders<Item extends PartitionItem, Result>(
  cluster: Cluster,
  operation: string,
  items: readonly Item[],
  send: (connection: BrokerConnection, items: readonly Item[]) => Promise<readonly PartitionOutcome<Result>[]>,
): Promise<Map<string, Result>> {
  const results = new Map<string, Result>();
  let remaining = items;
  await cluster.retrier.run(
    async () => {
      await cluster.ensureTopics(remaining.map((item) => item.topic));
      const byLeader = new Map<number, Item[]>();
      const outcomes: PartitionOutcome<Result>[] = [];
      for (const item of remaining) {
        const leader = cluster.leaderOf(item.topic, item.partition);
        if (leader < 0) {
          const known = cluster.metadata.topic(item.topic);
          const error =
            known === undefined || item.partition >= known.partitions.length
              ? new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `partition ${partitionKey(item.topic, item.partition)} does not exist`)
              : new TributaryError("LEADER_NOT_AVAILABLE", `partition ${partitionKey(item.topic, item.partition)} has no leader right now`);
          outcomes.push({ topic: item.topic, partition: item.partition, error });
          continue;
        }
        byLeader.set(leader, [...(byLeader.get(leader) ?? []), item]);
      }
      await Promise.all(
        [...byLeader].map(async ([leader, group]) => {
          try {
            const answered = await send(cluster.connectionToNode(leader), group);
            const byKey = new Map(answered.map((outcome) => [partitionKey(outcome.topic, outcome.partition), outcome]));
            for (const item of group) {
              const key = partitionKey(item.topic, item.partition);
              outcomes.push(
                byKey.get(key) ?? {
                  topic: item.topic,
                  partition: item.partition,
                  error: new TributaryError("UNKNOWN_SERVER_ERROR", `broker ${leader}'s ${operation} response did not mention ${key}`),
                },
              );
            }
          } catch (error) {
            const typed = TributaryError.from(error);
            for (const item of group) outcomes.push({ topic: item.topic, partition: item.partition, error: typed });
          }
        }),
      );
      const retry: Item[] = [];
      const failures: ItemFailure[] = [];
      let retriable: TributaryError | undefined;
      const itemsByKey = new Map(remaining.map((item) => [partitionKey(item.topic, item.partition), item]));
      for (const outcome of outcomes) {
        const key = partitionKey(outcome.topic, outcome.partition);
        if (outcome.error === null) {
          results.set(key, outcome.result as Result);
        } else if (outcome.error.retriable) {
          retriable ??= outcome.error;
          const item = itemsByKey.get(key);
          if (item !== undefined) retry.push(item);
          if (outcome.error.refreshMetadata) await cluster.handleStaleMetadata(outcome.topic, outcome.partition, outcome.error).catch(() => undefined);
        } else {
          failures.push({ item: key, error: outcome.error });
        }
      }
      remaining = retry;
      if (failures.length > 0) throw TributaryAggregateError.of(operation, failures);
      if (retriable !== undefined) throw retriable;
    },
    { operation },
  );
  return results;
}
