import { encodeRecordBatch } from "@tributary/client";

/** RECORD_VALUE_BYTES is the benchmark's record size: 1 KiB values, no keys or headers. */
export const RECORD_VALUE_BYTES = 1024;

/**
 * encodeBatchOfSize encodes the largest uncompressed batch of 1 KiB records that is at most
 * `targetBytes` long, with the real v2 encoder, so the log sees what a producer sends.
 */
export async function encodeBatchOfSize(targetBytes: number): Promise<Buffer> {
  const value = Buffer.alloc(RECORD_VALUE_BYTES, 0x61);
  let records = Math.max(1, Math.floor(targetBytes / (RECORD_VALUE_BYTES + 8)));
  for (;;) {
    const batch = await encodeRecordBatch({
      records: Array.from({ length: records }, () => ({ value })),
      baseTimestamp: BigInt(Date.now()),
    });
    if (batch.length <= targetBytes || records === 1) return batch;
    records -= 1;
  }
}

/**
 * appendUnit returns one append's bytes: copies of `batch` back to back, as many as fit in
 * `appendBytes` (at least one). A leader stamps offsets into these bytes in place on every
 * append; the CRC does not cover them, so the same buffer can be appended again and again.
 */
export function appendUnit(batch: Buffer, appendBytes: number): Buffer {
  const copies = Math.max(1, Math.floor(appendBytes / batch.length));
  return Buffer.concat(Array.from({ length: copies }, () => batch));
}
