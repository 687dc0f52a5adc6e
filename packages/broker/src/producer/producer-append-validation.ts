import { TributaryError } from "@tributary/client/internal/errors";
import { NO_PRODUCER_ID, isControlBatch } from "@tributary/client/internal/record";
import type { RecordBatchHeader } from "@tributary/client/internal/record";
import { isNextSequence, isSequence, lastSequenceOf } from "./sequence.js";
import { BATCHES_RETAINED_PER_PRODUCER } from "./producer-state-entry.js";
import type { ProducerBatchMetadata, ProducerStateEntry } from "./producer-state-entry.js";

/**
 * BatchVerdict is what the leader must do with one batch of a produce request:
 * - `append`: write it (a new batch in sequence, or a batch without a producer id);
 * - `duplicate`: a retry of a batch already in the log; append nothing and answer success with the
 *   original offsets (KIP-98). Answering anything else makes a client reset and resend, which is how
 *   Redpanda produced duplicates (redpanda#3039).
 */
export type BatchVerdict =
  | { readonly kind: "append" }
  | {
      readonly kind: "duplicate";
      /** firstOffset and lastOffset are where the original batch was written. */
      readonly firstOffset: bigint;
      /** See {@link firstOffset}. */
      readonly lastOffset: bigint;
      /** maxTimestampMs is the original batch's max timestamp. */
      readonly maxTimestampMs: number;
    };

/**
 * ProducerAppendValidation is the outcome of validating one produce request's batches against a
 * partition's producer state, before anything is written. It changes no state: the leader appends
 * the `append` batches, in order, then hands this back with the assigned offsets
 * (ProducerStateManager.completeAppend).
 */
export interface ProducerAppendValidation {
  /** headers are the request's batch headers, in request order. */
  readonly headers: readonly RecordBatchHeader[];
  /** verdicts holds one verdict per header, same order. */
  readonly verdicts: readonly BatchVerdict[];
  /** appendCount is the number of `append` verdicts: zero means the whole request was a retry. */
  readonly appendCount: number;
  /** stateVersion is the state version validated against; completing against another version is a bug. */
  readonly stateVersion: number;
}

/** StagedBatch is a batch in a staged window: retained (with its offsets) or accepted earlier in this request (offsets not yet known). */
interface StagedBatch {
  readonly firstSequence: number;
  readonly lastSequence: number;
  readonly appended: ProducerBatchMetadata | undefined;
}

/** StagedProducer is a producer's state as the batches validated so far in this request would leave it. */
interface StagedProducer {
  readonly producerEpoch: number;
  readonly window: readonly StagedBatch[];
}

/**
 * validateProducerBatches decides each batch's verdict in request order, each against the state as
 * the request's earlier batches would leave it, following Kafka's ProducerAppendInfo (client
 * origin) and UnifiedLog.analyzeAndValidateProducerState:
 * 1. same epoch and exact sequence range as a retained batch: duplicate;
 * 2. epoch older than the producer's: INVALID_PRODUCER_EPOCH (fenced, KIP-98);
 * 3. newer epoch: sequences restart, so the batch must start at 0, else OUT_OF_ORDER_SEQUENCE_NUMBER;
 * 4. same epoch: the batch must start right after the last one (wrapping at Int32 max), else
 *    OUT_OF_ORDER_SEQUENCE_NUMBER;
 * 5. a producer this partition has no state for must start at sequence 0, else
 *    UNKNOWN_PRODUCER_ID (retriable). This is Kafka 1.0-2.4's rule, not 2.5's: KIP-360 made
 *    brokers accept any sequence from an unknown producer because Kafka then forgot producers as
 *    soon as the log start passed their batches (KAFKA-7190), so active producers lost their state
 *    routinely. Tributary keeps producers past the log start (KIP-360's other half, see
 *    ProducerStateManager.onLogStartOffset), and accepting any sequence has its own hole: when a
 *    new producer's first request fails before the append (NOT_ENOUGH_REPLICAS, a resource limit)
 *    while its second is in flight, the second would be accepted first, reordering the partition
 *    and leaving sequence 0 forever out of order. Kafka itself refuses that again for producers
 *    that can bump their epoch (ProducerAppendInfo.checkSequence, transactions v2, KIP-890).
 *    Client rule: on UNKNOWN_PRODUCER_ID while an earlier batch of the same epoch is still
 *    unacknowledged, retry as is (the earlier one will land first); when every earlier batch was
 *    acknowledged, the broker lost the state (expiry, or a rebuild from a log that no longer holds
 *    the producer): start a new epoch at sequence 0. Nothing of the refused request was written,
 *    so that resend is no duplicate.
 *
 * @throws TributaryError INVALID_RECORD for a producer batch with a negative epoch or sequence, a
 *   negative lastOffsetDelta, or the control bit (only the transaction coordinator writes markers);
 *   INVALID_REQUEST when a request carries the same batch twice; INVALID_PRODUCER_EPOCH;
 *   OUT_OF_ORDER_SEQUENCE_NUMBER; UNKNOWN_PRODUCER_ID. A throw rejects the whole request: nothing of it is written.
 */
export function validateProducerBatches(
  headers: readonly RecordBatchHeader[],
  current: (producerId: bigint) => ProducerStateEntry | undefined,
): BatchVerdict[] {
  const staged = new Map<bigint, StagedProducer>();
  const verdicts: BatchVerdict[] = [];
  for (const header of headers) {
    if (header.producerId === NO_PRODUCER_ID) {
      verdicts.push({ kind: "append" });
      continue;
    }
    checkProducerFields(header);
    const producer = staged.get(header.producerId) ?? stagedFrom(current(header.producerId));
    const verdict = verdictFor(header, producer);
    verdicts.push(verdict);
    if (verdict.kind === "append") staged.set(header.producerId, withAccepted(producer, header));
  }
  return verdicts;
}

function verdictFor(header: RecordBatchHeader, producer: StagedProducer | undefined): BatchVerdict {
  const firstSequence = header.baseSequence;
  const lastSequence = lastSequenceOf(header);
  const who = `producer ${header.producerId} epoch ${header.producerEpoch}`;
  if (producer === undefined) {
    if (firstSequence !== 0) {
      throw new TributaryError("UNKNOWN_PRODUCER_ID", `${who} is unknown to this partition and must start at sequence 0, not ${firstSequence}`);
    }
    return { kind: "append" };
  }
  if (header.producerEpoch === producer.producerEpoch) {
    const match = producer.window.find((batch) => batch.firstSequence === firstSequence && batch.lastSequence === lastSequence);
    if (match !== undefined) {
      if (match.appended === undefined) {
        throw new TributaryError("INVALID_REQUEST", `${who} sends sequences ${firstSequence}..${lastSequence} twice in one request`);
      }
      return { kind: "duplicate", firstOffset: match.appended.firstOffset, lastOffset: match.appended.lastOffset, maxTimestampMs: match.appended.maxTimestampMs };
    }
  }
  if (header.producerEpoch < producer.producerEpoch) {
    throw new TributaryError("INVALID_PRODUCER_EPOCH", `${who} is fenced: the partition has seen epoch ${producer.producerEpoch}`);
  }
  if (header.producerEpoch > producer.producerEpoch) {
    if (firstSequence !== 0) {
      throw new TributaryError("OUT_OF_ORDER_SEQUENCE_NUMBER", `${who} is a new epoch (was ${producer.producerEpoch}) and must start at sequence 0, not ${firstSequence}`);
    }
    return { kind: "append" };
  }
  const last = producer.window.at(-1);
  if (last === undefined || !isNextSequence(last.lastSequence, firstSequence)) {
    throw new TributaryError("OUT_OF_ORDER_SEQUENCE_NUMBER", `${who} sends sequence ${firstSequence}, but the partition's last sequence is ${last?.lastSequence}`);
  }
  return { kind: "append" };
}

/** checkProducerFields refuses producer batches no correct client builds, before any arithmetic trusts their fields. */
function checkProducerFields(header: RecordBatchHeader): void {
  const who = `producer ${header.producerId}`;
  if (header.producerId < NO_PRODUCER_ID) throw new TributaryError("INVALID_RECORD", `${who} is negative`);
  if (header.producerEpoch < 0) throw new TributaryError("INVALID_RECORD", `${who} sends negative epoch ${header.producerEpoch}`);
  if (!isSequence(header.baseSequence)) throw new TributaryError("INVALID_RECORD", `${who} sends invalid base sequence ${header.baseSequence}`);
  if (header.lastOffsetDelta < 0) throw new TributaryError("INVALID_RECORD", `${who} sends negative lastOffsetDelta ${header.lastOffsetDelta}`);
  if (isControlBatch(header)) throw new TributaryError("INVALID_RECORD", `${who} sends a control batch; only the transaction coordinator writes those`);
}

function stagedFrom(entry: ProducerStateEntry | undefined): StagedProducer | undefined {
  if (entry === undefined) return undefined;
  return {
    producerEpoch: entry.producerEpoch,
    window: entry.batches.map((batch) => ({ firstSequence: batch.firstSequence, lastSequence: batch.lastSequence, appended: batch })),
  };
}

function withAccepted(producer: StagedProducer | undefined, header: RecordBatchHeader): StagedProducer {
  const batch: StagedBatch = { firstSequence: header.baseSequence, lastSequence: lastSequenceOf(header), appended: undefined };
  const kept = producer === undefined || producer.producerEpoch !== header.producerEpoch ? [] : producer.window.slice(-(BATCHES_RETAINED_PER_PRODUCER - 1));
  return { producerEpoch: header.producerEpoch, window: [...kept, batch] };
}
