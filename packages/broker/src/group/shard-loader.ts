import type { Partition } from "../replica/partition.js";
import type { AckWaiter } from "../service/waiters.js";
import { decodeGroupRecordBatches } from "./group-record-codec.js";
import type { GroupCoordinatorShard } from "./group-coordinator-shard.js";
import { corruptGroupRecord } from "./json-value-reader.js";

/** LOAD_READ_BYTES is how much of the log one load step reads. */
const LOAD_READ_BYTES = 4 * 1024 * 1024;

/** ShardLoad is one load of a shard from its partition's log. */
export interface ShardLoad {
  readonly partition: Partition;
  /** The leader epoch this broker leads the partition in; the load stops if it changes. */
  readonly leaderEpoch: number;
  readonly shard: GroupCoordinatorShard;
  readonly ackWaiter: AckWaiter;
  /** How long one wait for the high watermark may take before it is started again. */
  readonly waitTimeoutMs: number;
  /** True once the load is no longer wanted (leadership moved, the coordinator stopped). */
  isCancelled(): boolean;
}

/** LoadOutcome says how a load ended. */
export type LoadOutcome = { readonly kind: "loaded"; readonly records: number; readonly endOffset: bigint } | { readonly kind: "cancelled" };

/**
 * loadShard rebuilds a shard by replaying its partition's log, as a new coordinator does when it
 * becomes the partition's leader. It first waits until the high watermark reaches the log end
 * offset it found: a new leader's log may end with records of the previous leader that were never
 * acknowledged, but will be committed now that this broker leads, and the state must include them
 * before anything is written after them. Then it replays every record from the log start to that
 * offset, in order; later records win and tombstones delete. Nothing else appends meanwhile: the
 * runtime runs the load in the shard's queue, where every write of the shard runs.
 *
 * Throws CORRUPT_MESSAGE for a record it cannot decode and an AssertionError for one that breaks a
 * state invariant; the caller decides what to do with a shard that cannot load.
 */
export async function loadShard(load: ShardLoad): Promise<LoadOutcome> {
  const { partition, leaderEpoch, shard } = load;
  if (!partition.isLeader || partition.leaderEpoch !== leaderEpoch) return { kind: "cancelled" };
  const endOffset = partition.log.logEndOffset;
  for (;;) {
    if (load.isCancelled()) return { kind: "cancelled" };
    const [error] = await load.ackWaiter.waitForAcks([{ partition, requiredOffset: endOffset, leaderEpoch }], load.waitTimeoutMs);
    if (error === null || error === undefined) break;
    if (error.code === "NOT_LEADER_OR_FOLLOWER" || error.code === "SHUTTING_DOWN") return { kind: "cancelled" };
  }
  let records = 0;
  let offset = partition.log.logStartOffset;
  while (offset < endOffset) {
    if (load.isCancelled()) return { kind: "cancelled" };
    const read = await partition.log.read(offset, LOAD_READ_BYTES, { maxOffset: endOffset });
    if (read.bytes.length === 0) throw corruptGroupRecord(`${partition.topic}-${partition.partition} has no batch at offset ${offset}, below the end ${endOffset} it is loading to`);
    for (const { record } of await decodeGroupRecordBatches(read.bytes, offset)) {
      shard.replay(record);
      records++;
    }
    offset = read.nextOffset;
  }
  return { kind: "loaded", records, endOffset };
}
