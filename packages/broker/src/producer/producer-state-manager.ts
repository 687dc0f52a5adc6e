import { assert } from "@tributary/client/internal/assert";
import { NO_PRODUCER_ID, isControlBatch, lastOffsetOf } from "@tributary/client/internal/record";
import type { RecordBatchHeader } from "@tributary/client/internal/record";
import { validateProducerBatches } from "./producer-append-validation.js";
import type { ProducerAppendValidation } from "./producer-append-validation.js";
import { resolveProducerStateConfig } from "./producer-state-config.js";
import type { ProducerStateConfig } from "./producer-state-config.js";
import { BATCHES_RETAINED_PER_PRODUCER, lastBatchOf, withBatch, withoutBatchesFrom } from "./producer-state-entry.js";
import type { ProducerStateEntry } from "./producer-state-entry.js";
import type { ProducerStateSnapshot } from "./producer-state-snapshot.js";
import { lastSequenceOf } from "./sequence.js";

/**
 * ProducerStateManager is one partition replica's idempotent-producer state (KIP-98; Kafka's
 * ProducerStateManager): per producer id, its epoch and its last five batches, so the leader can
 * fence old epochs, refuse sequence gaps and answer retries with the original offsets.
 *
 * The state is a replay of the log's producer batches: {@link onAppended} is the only way a batch
 * enters it, on the leader (through {@link completeAppend}), on followers and in
 * {@link rebuildFrom} alike, so a follower that becomes leader already holds what the old leader
 * held. Validation ({@link validateAppend}) never mutates.
 *
 * Pure and synchronous: no I/O, no clock (expiry takes `nowMs`). Not safe to interleave: the leader
 * must validate, append to the log and complete one request at a time per partition (Kafka does it
 * under the log lock); {@link completeAppend} asserts nothing changed in between.
 *
 * Producers outlive their data (KIP-360, KAFKA-7190): moving the log start offset past a
 * producer's batches does not forget it; only `producerIdExpirationMs` does. A rebuild from the log
 * cannot see such producers (their next batch gets UNKNOWN_PRODUCER_ID and they restart at
 * sequence 0); a snapshot ({@link snapshot}, encodeProducerStateSnapshot) carries them across
 * restarts.
 */
export class ProducerStateManager {
  /** config is the resolved configuration. */
  readonly config: ProducerStateConfig;
  readonly #producers = new Map<bigint, ProducerStateEntry>();
  /** Invariant: every retained batch ends below #mapEndOffset. */
  #mapEndOffset: bigint;
  #rebuildRequired = false;
  /** #version counts mutations, tying a validation to the state it saw. */
  #version = 0;

  constructor(config: Partial<ProducerStateConfig> = {}, mapEndOffset = 0n) {
    assert(mapEndOffset >= 0n, `map end offset ${mapEndOffset} is negative`);
    this.config = resolveProducerStateConfig(config);
    this.#mapEndOffset = mapEndOffset;
  }

  /**
   * mapEndOffset is the offset after the last batch applied (Kafka's lastMapOffset): after a
   * snapshot load, replay the log from here.
   */
  get mapEndOffset(): bigint {
    return this.#mapEndOffset;
  }

  /**
   * rebuildRequired is true after a truncation removed retained batches: the window of an
   * affected producer may now miss older batches still in the log. The state is still safe to
   * extend as a follower, but must be rebuilt ({@link rebuildFrom}) before this replica leads.
   */
  get rebuildRequired(): boolean {
    return this.#rebuildRequired;
  }

  /** producerCount is the number of producers remembered. */
  get producerCount(): number {
    return this.#producers.size;
  }

  /** entry returns what is known of `producerId`, or undefined. */
  entry(producerId: bigint): ProducerStateEntry | undefined {
    return this.#producers.get(producerId);
  }

  /** entries lists every producer's state, in no particular order. */
  entries(): ProducerStateEntry[] {
    return [...this.#producers.values()];
  }

  /**
   * validateAppend checks a produce request's batches, in order, before the leader writes them
   * (see validateProducerBatches for the rules). It changes nothing. When every verdict is
   * `duplicate`, answer with the original offsets and write nothing; otherwise append exactly the
   * `append` batches, in order, and call {@link completeAppend}.
   *
   * @throws TributaryError INVALID_PRODUCER_EPOCH, OUT_OF_ORDER_SEQUENCE_NUMBER,
   *   UNKNOWN_PRODUCER_ID, INVALID_RECORD or INVALID_REQUEST; the request must then be refused whole.
   */
  validateAppend(headers: readonly RecordBatchHeader[]): ProducerAppendValidation {
    assert(!this.#rebuildRequired, "producer state must be rebuilt after a truncation before it validates appends");
    const verdicts = validateProducerBatches(headers, (producerId) => this.#producers.get(producerId));
    const appendCount = verdicts.filter((verdict) => verdict.kind === "append").length;
    return { headers, verdicts, appendCount, stateVersion: this.#version };
  }

  /**
   * completeAppend records the batches a validation let through, once the log appended them
   * densely from `firstOffset` (LogAppendInfo.firstOffset) in `leaderEpoch`. Each appended
   * batch's base offset is the previous one's last offset + 1, as PartitionLog.appendAsLeader
   * assigns them.
   */
  completeAppend(validation: ProducerAppendValidation, firstOffset: bigint, leaderEpoch: number): void {
    assert(validation.stateVersion === this.#version, `producer state changed between validation (v${validation.stateVersion}) and append (v${this.#version})`);
    assert(validation.appendCount > 0, "a request of duplicates appends nothing to complete");
    let baseOffset = firstOffset;
    validation.headers.forEach((header, index) => {
      if (validation.verdicts[index]?.kind !== "append") return;
      this.onAppended(header, baseOffset, leaderEpoch);
      baseOffset += BigInt(header.lastOffsetDelta) + 1n;
    });
  }

  /**
   * onAppended records one batch the log now holds at `baseOffset`, appended in `leaderEpoch`
   * (both default to the header's own fields, as stored: followers and rebuilds pass stored
   * headers). Batches must come in offset order. Batches without a producer id and control batches
   * only move {@link mapEndOffset}; transactions would handle markers here.
   */
  onAppended(header: RecordBatchHeader, baseOffset = header.baseOffset, leaderEpoch = header.partitionLeaderEpoch): void {
    const lastOffset = lastOffsetOf({ baseOffset, lastOffsetDelta: header.lastOffsetDelta });
    assert(baseOffset >= this.#mapEndOffset, `batch at ${baseOffset} applied after the producer state reached ${this.#mapEndOffset}`);
    assert(header.lastOffsetDelta >= 0, `batch at ${baseOffset} has negative lastOffsetDelta ${header.lastOffsetDelta}`);
    this.#version++;
    this.#mapEndOffset = lastOffset + 1n;
    if (header.producerId === NO_PRODUCER_ID || isControlBatch(header)) return;
    const entry = withBatch(this.#producers.get(header.producerId), header.producerId, header.producerEpoch, {
      firstSequence: header.baseSequence,
      lastSequence: lastSequenceOf(header),
      firstOffset: baseOffset,
      lastOffset,
      maxTimestampMs: Number(header.maxTimestamp),
      leaderEpoch,
    });
    this.#producers.set(header.producerId, entry);
  }

  /**
   * rebuildFrom replaces the state from `fromOffset` on with a replay of `batches`: the stored
   * headers of the log from `fromOffset` (usually the log start offset) to its end, in order.
   * Producers whose every retained batch lies below `fromOffset` are kept: their batches are gone
   * from the log, and KIP-360 keeps their state until it expires. Batches ending below
   * `fromOffset` (a segment may hold some below the log start) are skipped. Clears
   * {@link rebuildRequired}. Call {@link removeExpiredProducers} afterwards: replay brings back
   * producers whose last batch is older than the expiration.
   */
  rebuildFrom(batches: Iterable<RecordBatchHeader>, fromOffset: bigint): void {
    assert(fromOffset >= 0n, `rebuild offset ${fromOffset} is negative`);
    for (const [producerId, entry] of this.#producers) {
      if (lastBatchOf(entry).lastOffset >= fromOffset) this.#producers.delete(producerId);
    }
    this.#version++;
    this.#mapEndOffset = fromOffset;
    this.#rebuildRequired = false;
    for (const header of batches) {
      if (lastOffsetOf(header) < fromOffset) continue;
      this.onAppended(header);
    }
  }

  /**
   * truncateTo forgets every batch the log removed when it was truncated to `offset` (each batch
   * whose last offset is at or after it; the log drops a straddling batch whole). Returns true when
   * the state is still exact. Otherwise some producer lost retained batches and its window may now
   * miss older batches the log still holds, or the producer was forgotten although it has batches
   * below `offset`: {@link rebuildRequired} is set, and the state must be rebuilt from the log (or
   * a snapshot at or below `offset` plus the log after it) before this replica leads. Kafka
   * reloads from a snapshot after every truncation for the same reason (truncateAndReload).
   */
  truncateTo(offset: bigint): boolean {
    assert(offset >= 0n, `truncation offset ${offset} is negative`);
    this.#version++;
    if (offset < this.#mapEndOffset) this.#mapEndOffset = offset;
    let exact = true;
    for (const [producerId, entry] of this.#producers) {
      const kept = withoutBatchesFrom(entry, offset);
      if (kept === entry) continue;
      exact = false;
      if (kept === undefined) this.#producers.delete(producerId);
      else this.#producers.set(producerId, kept);
    }
    if (!exact) this.#rebuildRequired = true;
    return exact;
  }

  /**
   * truncateFullyAndStartAt forgets everything, for a log emptied to restart at `offset` (a
   * follower whose log lies wholly below the leader's log start). Like Kafka's method of the same
   * name, it drops producers too: the empty log is exact with an empty state.
   */
  truncateFullyAndStartAt(offset: bigint): void {
    assert(offset >= 0n, `start offset ${offset} is negative`);
    this.#version++;
    this.#producers.clear();
    this.#mapEndOffset = offset;
    this.#rebuildRequired = false;
  }

  /**
   * onLogStartOffset follows the log start offset moving up (retention, DeleteRecords). Producers
   * are kept even when all their batches are now below it (KIP-360 "prolonged producer state
   * retention", KAFKA-7190): forgetting them would cost their dedupe and fencing for no memory a
   * bounded window does not already cap. Only {@link mapEndOffset} moves, for a log whose start
   * passed its end.
   */
  onLogStartOffset(offset: bigint): void {
    if (offset > this.#mapEndOffset) {
      this.#version++;
      this.#mapEndOffset = offset;
    }
  }

  /**
   * removeExpiredProducers forgets producers whose last batch's max timestamp is at least
   * `producerIdExpirationMs` older than `nowMs` (Kafka's isProducerExpired), and returns how many.
   * The timestamp is the producer's (CreateTime) unless the topic uses LogAppendTime, as in Kafka.
   */
  removeExpiredProducers(nowMs: number): number {
    let removed = 0;
    for (const [producerId, entry] of this.#producers) {
      if (nowMs - lastBatchOf(entry).maxTimestampMs >= this.config.producerIdExpirationMs) {
        this.#producers.delete(producerId);
        removed++;
      }
    }
    if (removed > 0) this.#version++;
    return removed;
  }

  /**
   * snapshot returns the state as a value, for encodeProducerStateSnapshot. Entries are immutable,
   * so the snapshot is not affected by later appends.
   */
  snapshot(): ProducerStateSnapshot {
    assert(!this.#rebuildRequired, "an inexact producer state (truncated, not rebuilt) must not be snapshotted");
    return { mapEndOffset: this.#mapEndOffset, entries: this.entries() };
  }

  /**
   * restore builds a manager from a snapshot (decodeProducerStateSnapshot checked its invariants).
   * Replay the log from `snapshot.mapEndOffset` with {@link onAppended}; a snapshot whose
   * mapEndOffset is past the log end is stale (the log lost its tail) and must not be used.
   */
  static restore(snapshot: ProducerStateSnapshot, config: Partial<ProducerStateConfig> = {}): ProducerStateManager {
    const manager = new ProducerStateManager(config, snapshot.mapEndOffset);
    for (const entry of snapshot.entries) {
      assert(!manager.#producers.has(entry.producerId), `snapshot holds producer ${entry.producerId} twice`);
      assert(entry.batches.length >= 1 && entry.batches.length <= BATCHES_RETAINED_PER_PRODUCER, `snapshot producer ${entry.producerId} has ${entry.batches.length} batches`);
      assert(lastBatchOf(entry).lastOffset < snapshot.mapEndOffset, `snapshot producer ${entry.producerId} ends past the map end offset ${snapshot.mapEndOffset}`);
      manager.#producers.set(entry.producerId, entry);
    }
    return manager;
  }
}
