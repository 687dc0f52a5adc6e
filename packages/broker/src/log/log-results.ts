/** LogAppendInfo describes what one append stored. */
export interface LogAppendInfo {
  /** firstOffset is the base offset of the first batch appended. */
  readonly firstOffset: bigint;
  /** lastOffset is the offset of the last record appended. */
  readonly lastOffset: bigint;
  /** maxTimestampMs is the largest batch max timestamp appended (-1 when none had one). */
  readonly maxTimestampMs: number;
  /** offsetOfMaxTimestamp is the base offset of the batch holding maxTimestampMs. */
  readonly offsetOfMaxTimestamp: bigint;
  /** batchCount is the number of batches appended. */
  readonly batchCount: number;
  /** sizeBytes is the number of bytes appended. */
  readonly sizeBytes: number;
}

/** LogReadResult is stored batches, as stored, plus the log's bounds when they were read. */
export interface LogReadResult {
  /** bytes holds whole record batches, possibly none; a slice of one file read. */
  readonly bytes: Buffer;
  /** nextOffset is where the next sequential read should start. */
  readonly nextOffset: bigint;
  /** logStartOffset, logEndOffset and highWatermark are the log's bounds at the read. */
  readonly logStartOffset: bigint;
  /** See {@link logStartOffset}. */
  readonly logEndOffset: bigint;
  /** See {@link logStartOffset}. */
  readonly highWatermark: bigint;
}

/** ReadOptions bound a read. */
export interface ReadOptions {
  /**
   * maxOffset is an exclusive upper bound: no batch holding an offset >= maxOffset is returned.
   * Consumers pass the high watermark; followers leave it out (log end offset).
   */
  readonly maxOffset?: bigint;
}

/** TimestampOffset answers a lookup by timestamp. */
export interface TimestampOffset {
  /**
   * offset is the base offset of the first batch whose max timestamp is >= the target (or the log
   * start offset, if later). Records are not decoded, so earlier records of that batch may be
   * older than the target; a consumer skips them.
   */
  readonly offset: bigint;
  /** timestampMs is that batch's max timestamp. */
  readonly timestampMs: number;
}
