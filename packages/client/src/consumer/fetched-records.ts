import { TributaryError } from "../errors/tributary-error.js";
import { lastOffsetOf } from "../record/batch-header.js";
import { decodeRecordBatches } from "../record/decode-record-batches.js";
import type { RecordHeader } from "../record/record-batch-types.js";
import type { ConsumerMessage, ConsumerMessageHeaders } from "./consumer-types.js";

/** FetchedRecords are the messages of one partition's fetched bytes and where to fetch next. */
export interface FetchedRecords {
  /** messages at or after the fetch offset, in offset order; control records are left out. */
  readonly messages: readonly ConsumerMessage[];
  /**
   * nextFetchOffset follows the last complete batch (control batches included), so offsets a
   * batch skips (compaction) or spends on markers are not fetched again. Invariant: it is above
   * every message's offset and not below the fetch offset.
   */
  readonly nextFetchOffset: bigint;
}

const NO_HEADERS: ConsumerMessageHeaders = Object.freeze(Object.create(null) as Record<string, never>);

/**
 * readFetchedRecords decodes the stored batches a Fetch returned for one partition. The broker
 * sends whole batches starting at the one holding the fetch offset, so records below it are
 * skipped here; a batch cut short at the end of the response is left for the next fetch.
 *
 * @throws CorruptRecordError when the bytes are not record batches (the CRC is checked).
 * @throws TributaryError MESSAGE_TOO_LARGE when the bytes hold no complete batch: the first batch
 *   is larger than the response may be, which a broker following KIP-74 never does.
 */
export async function readFetchedRecords(bytes: Buffer, fetchOffset: bigint, topic: string, partition: number): Promise<FetchedRecords> {
  const batches = await decodeRecordBatches(bytes, { allowTruncatedTail: true });
  if (batches.length === 0) {
    throw new TributaryError(
      "MESSAGE_TOO_LARGE",
      `the fetch of ${topic}-${partition} at offset ${fetchOffset} returned ${bytes.length} bytes without a complete batch; raise maxBytesPerPartition and maxBytes`,
    );
  }
  const messages: ConsumerMessage[] = [];
  let nextFetchOffset = fetchOffset;
  for (const batch of batches) {
    const batchEnd = lastOffsetOf(batch.header) + 1n;
    if (batchEnd > nextFetchOffset) nextFetchOffset = batchEnd;
    if (batch.control) continue;
    const leaderEpoch = batch.header.partitionLeaderEpoch;
    for (const record of batch.records) {
      if (record.offset < fetchOffset) continue;
      messages.push({
        offset: record.offset,
        timestamp: record.timestamp,
        key: record.key,
        value: record.value,
        headers: record.headers.length === 0 ? NO_HEADERS : headersOf(record.headers),
        leaderEpoch,
      });
    }
  }
  return { messages, nextFetchOffset };
}

/** headersOf turns a record's header list into KafkaJS's object shape; a repeated key collects its values in order. */
function headersOf(list: readonly RecordHeader[]): ConsumerMessageHeaders {
  const headers = Object.create(null) as Record<string, Buffer | null | (Buffer | null)[]>;
  for (const { key, value } of list) {
    const existing = headers[key];
    if (existing === undefined) headers[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else headers[key] = [existing, value];
  }
  return headers;
}
