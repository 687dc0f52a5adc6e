import { TributaryError } from "@tributary/client/internal/errors";
import type { MetadataImage } from "@tributary/controller/internal/metadata";
import type { ListOffsetsRequest__Output } from "@tributary/client/internal/generated/tributary/v1/ListOffsetsRequest";
import type { ListOffsetsResponse } from "@tributary/client/internal/generated/tributary/v1/ListOffsetsResponse";
import type { OffsetForLeaderEpochRequest__Output } from "@tributary/client/internal/generated/tributary/v1/OffsetForLeaderEpochRequest";
import type { OffsetForLeaderEpochResponse } from "@tributary/client/internal/generated/tributary/v1/OffsetForLeaderEpochResponse";
import type { DeleteRecordsRequest__Output } from "@tributary/client/internal/generated/tributary/v1/DeleteRecordsRequest";
import type { DeleteRecordsResponse } from "@tributary/client/internal/generated/tributary/v1/DeleteRecordsResponse";
import { errorToWire, NO_ERROR } from "@tributary/client/internal/wire";
import type { ReplicaManager } from "../replica/replica-manager.js";
import { parseOffset } from "./request-values.js";

/** Special ListOffsets timestamps (Kafka's ListOffsetsRequest). */
const LATEST_TIMESTAMP = -1n;
const EARLIEST_TIMESTAMP = -2n;
const MAX_TIMESTAMP = -3n;

function failure(error: unknown): TributaryError {
  return TributaryError.from(error);
}

/** listOffsets answers earliest, latest and by-timestamp offset lookups on partition leaders. */
export async function listOffsets(request: ListOffsetsRequest__Output, replicas: ReplicaManager, image: MetadataImage): Promise<ListOffsetsResponse> {
  const isConsumer = request.replicaId < 0;
  return {
    topics: await Promise.all(
      request.topics.map(async (topic) => ({
        name: topic.name,
        partitions: await Promise.all(
          topic.partitions.map(async (requested) => {
            try {
              const partition = replicas.leaderPartitionOrThrow(topic.name, requested.partition, image);
              partition.checkLeaderEpoch(requested.currentLeaderEpoch);
              const log = partition.log;
              const visibleEnd = isConsumer ? log.highWatermark : log.logEndOffset;
              const timestamp = parseOffset(requested.timestamp, "timestamp", -3n);
              const base = { partition: requested.partition, error: NO_ERROR, leaderEpoch: partition.leaderEpoch };
              if (timestamp === LATEST_TIMESTAMP) return { ...base, timestamp: "-1", offset: visibleEnd.toString() };
              if (timestamp === EARLIEST_TIMESTAMP) return { ...base, timestamp: "-1", offset: log.logStartOffset.toString() };
              if (timestamp === MAX_TIMESTAMP) {
                throw new TributaryError("UNSUPPORTED_VERSION", "lookup of the record with the largest timestamp (-3) is not supported; use a timestamp");
              }
              const found = await log.offsetForTimestamp(Number(timestamp));
              if (found === undefined || found.offset >= visibleEnd) return { ...base, timestamp: "-1", offset: "-1" };
              return { ...base, timestamp: String(found.timestampMs), offset: found.offset.toString() };
            } catch (error) {
              return { partition: requested.partition, error: errorToWire(failure(error)), timestamp: "-1", offset: "-1", leaderEpoch: -1 };
            }
          }),
        ),
      })),
    ),
  };
}

/** offsetForLeaderEpoch answers where a leader epoch ended in the leader's log (KIP-101). */
export function offsetForLeaderEpoch(request: OffsetForLeaderEpochRequest__Output, replicas: ReplicaManager, image: MetadataImage): OffsetForLeaderEpochResponse {
  return {
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((requested) => {
        try {
          const partition = replicas.leaderPartitionOrThrow(topic.name, requested.partition, image);
          partition.checkLeaderEpoch(requested.currentLeaderEpoch);
          const end = partition.log.endOffsetForEpoch(requested.leaderEpoch);
          return { partition: requested.partition, error: NO_ERROR, leaderEpoch: end.epoch, endOffset: end.endOffset.toString() };
        } catch (error) {
          return { partition: requested.partition, error: errorToWire(failure(error)), leaderEpoch: -1, endOffset: "-1" };
        }
      }),
    })),
  };
}

/** deleteRecords advances log start offsets on partition leaders, never past the high watermark. */
export async function deleteRecords(request: DeleteRecordsRequest__Output, replicas: ReplicaManager, image: MetadataImage): Promise<DeleteRecordsResponse> {
  return {
    topics: await Promise.all(
      request.topics.map(async (topic) => ({
        name: topic.name,
        partitions: await Promise.all(
          topic.partitions.map(async (requested) => {
            try {
              const partition = replicas.leaderPartitionOrThrow(topic.name, requested.partition, image);
              const log = partition.log;
              const requestedOffset = parseOffset(requested.offset, "offset", -1n);
              const offset = requestedOffset === -1n ? log.highWatermark : requestedOffset;
              if (offset > log.highWatermark) {
                throw new TributaryError("OFFSET_OUT_OF_RANGE", `cannot delete records before ${offset}: the high watermark is ${log.highWatermark}`);
              }
              const lowWatermark = await log.deleteRecordsBefore(offset);
              return { partition: requested.partition, error: NO_ERROR, lowWatermark: lowWatermark.toString() };
            } catch (error) {
              return { partition: requested.partition, error: errorToWire(failure(error)), lowWatermark: "-1" };
            }
          }),
        ),
      })),
    ),
  };
}
