import type { ConsumerOptions } from "../../consumer/consumer-options.js";
import type { Consumer } from "../../consumer/consumer.js";
import type { ConsumerMessage } from "../../consumer/consumer-types.js";
import { CliError } from "../cli-errors.js";
import type { CliIo } from "../cli-io.js";
import { connectWithin, createClient, disconnectQuietly, withAdmin } from "../connect/cli-client.js";
import type { ConnectionOptions } from "../connect/connection-options.js";
import type { StartOffset } from "./consume-args.js";

/** EndReason is why a record stream ended: the sink had enough, nothing came in time, or Ctrl-C. */
export type EndReason = "done" | "idle" | "interrupted";

/** SinkAnswer is what a sink says about a batch: how many messages it took, and whether it wants more. */
export interface SinkAnswer {
  readonly taken: number;
  readonly done: boolean;
}

/** RecordStreamOptions configure {@link streamRecords}. */
export interface RecordStreamOptions {
  readonly connection: ConnectionOptions;
  readonly io: CliIo;
  readonly topic: string;
  /** groupId makes the stream a group member that commits what the sink took; else it reads partitions itself. */
  readonly groupId: string | undefined;
  /** partition limits the stream to one partition (no group). */
  readonly partition: number | undefined;
  /** offset starts `partition` there. */
  readonly offset: StartOffset | undefined;
  readonly fromBeginning: boolean;
  /** idleTimeoutMs ends the stream when no record arrived for that long (from the start, too). */
  readonly idleTimeoutMs: number | undefined;
  /** consumerOptions tune the consumer (fetch sizes and waits). */
  readonly consumerOptions?: Omit<ConsumerOptions, "groupId" | "fromBeginning" | "autoCommit">;
  /** onConsumer sees the consumer before it runs, to listen to its events. */
  readonly onConsumer?: (consumer: Consumer) => void;
  /** sink takes each batch's messages, in offset order per partition, one batch at a time. */
  readonly sink: (topic: string, partition: number, messages: readonly ConsumerMessage[]) => Promise<SinkAnswer>;
}

interface Placement {
  readonly partitions: readonly number[];
  readonly seekTo: bigint | undefined;
}

/**
 * streamRecords reads a topic through the SDK's consumer and hands batches to a sink until the
 * sink is done, no record came for idleTimeoutMs, or the run is interrupted. A group member
 * commits exactly what the sink took (offset of its last message + 1) when it stops.
 *
 * @throws TributaryError UNKNOWN_TOPIC_OR_PARTITION for a missing topic; CliError for a missing
 * partition or a consumer that crashed.
 */
export async function streamRecords(options: RecordStreamOptions): Promise<EndReason> {
  const { connection, io, topic } = options;
  const placement = await place(options);
  const consumer = createClient(connection, io).consumer({
    ...options.consumerOptions,
    ...(options.groupId === undefined ? {} : { groupId: options.groupId }),
    fromBeginning: options.fromBeginning,
    autoCommit: options.groupId !== undefined,
  });
  try {
    await connectWithin(connection, () => consumer.connect());
  } catch (error) {
    void consumer.disconnect().catch(() => undefined);
    throw error;
  }
  let settle: ((reason: EndReason) => void) | undefined;
  let fail: ((error: Error) => void) | undefined;
  const ended = new Promise<EndReason>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let over = false;
  const end = (reason: EndReason): void => {
    if (over) return;
    over = true;
    settle?.(reason);
  };
  let idle: NodeJS.Timeout | undefined;
  const armIdle = (): void => {
    if (options.idleTimeoutMs === undefined || over) return;
    clearTimeout(idle);
    idle = setTimeout(() => end("idle"), options.idleTimeoutMs);
  };
  const interrupted = (): void => end("interrupted");
  options.io.signal?.addEventListener("abort", interrupted, { once: true });
  const removeCrash = consumer.on("consumer.crash", (event) => {
    if (event.payload.restart || over) return;
    over = true;
    fail?.(new CliError(`the consumer stopped: ${event.payload.error.message}`));
  });
  try {
    options.onConsumer?.(consumer);
    armIdle();
    if (options.groupId !== undefined) await consumer.subscribe({ topics: [topic], fromBeginning: options.fromBeginning });
    else consumer.assign([{ topic, partitions: placement.partitions }]);
    if (placement.seekTo !== undefined && options.partition !== undefined) consumer.seek({ topic, partition: options.partition, offset: placement.seekTo });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, isStale }) => {
        if (over || batch.messages.length === 0 || isStale()) return;
        armIdle();
        const answer = await options.sink(batch.topic, batch.partition, batch.messages);
        const last = batch.messages[answer.taken - 1];
        if (last !== undefined) resolveOffset(last.offset);
        if (answer.done) end("done");
      },
    });
    if (options.io.signal?.aborted === true) end("interrupted");
    return await ended;
  } finally {
    over = true;
    clearTimeout(idle);
    removeCrash();
    options.io.signal?.removeEventListener("abort", interrupted);
    await disconnectQuietly(() => consumer.disconnect());
  }
}

/** place checks the topic and partition and resolves --offset earliest/latest to an offset. */
async function place(options: RecordStreamOptions): Promise<Placement> {
  const { topic, partition, offset } = options;
  return withAdmin(options.connection, options.io, async ({ admin, within }) => {
    const [description] = await within(`describing topic "${topic}"`, admin.describeTopics([topic]));
    const count = description?.partitions.length ?? 0;
    if (partition !== undefined && partition >= count) throw new CliError(`topic "${topic}" has no partition ${partition} (it has ${count})`);
    const partitions = partition === undefined ? Array.from({ length: count }, (_, index) => index) : [partition];
    if (offset === undefined || typeof offset === "bigint") return { partitions, seekTo: offset };
    const ends = await within(`reading the offsets of "${topic}"`, admin.fetchTopicOffsets(topic));
    const end = ends.find((entry) => entry.partition === partition);
    return { partitions, seekTo: end === undefined ? undefined : offset === "earliest" ? end.low : end.high };
  });
}
