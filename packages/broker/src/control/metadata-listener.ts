import type { ClientReadableStream, ServiceError } from "@grpc/grpc-js";
import { assert, AssertionError } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import type { MetadataChunk__Output } from "@tributary/client/internal/generated/tributary/v1/MetadataChunk";
import { fromServiceError } from "@tributary/client/internal/wire";
import { MetadataImage } from "@tributary/controller/internal/metadata";
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff.js";
import { CheckpointCorruptError } from "./checkpoint-codec.js";
import type { ControllerChannel } from "./controller-channel.js";
import { Listeners } from "./listeners.js";
import { decodeChunk, type DecodedChunk } from "./metadata-chunk.js";
import { MetadataCheckpointStore } from "./metadata-checkpoint.js";
import { BatchDeltaBuilder, snapshotDelta, type MetadataDelta } from "./metadata-delta.js";
import { SILENT_LOGGER, type Logger } from "./logger.js";
import { sleep, systemScheduler, type Scheduler } from "./scheduler.js";

/** MetadataListenerOptions configures a {@link MetadataListener}. */
export interface MetadataListenerOptions {
  /** This broker's id: the stream request names it, and deltas single out its replicas. */
  readonly brokerId: number;
  /** The cluster id from the broker's formatted log dir; a checkpoint of another cluster is ignored. */
  readonly clusterId?: string;
  readonly channel: ControllerChannel;
  /** The checkpoint's LevelDB directory: `<first log dir>/__metadata_checkpoint`. */
  readonly checkpointDir: string;
  /** Checkpoint after this many applied batches... */
  readonly checkpointIntervalBatches?: number;
  /** ...or this long after the first batch not yet checkpointed, whichever comes first. */
  readonly checkpointIntervalMs?: number;
  /**
   * How long to keep streaming from a voter that is not the known active controller (where a
   * failure sent the stream) before trying the active controller again. A standby keeps serving
   * committed batches, but one that stops leaves its streams open and silent.
   */
  readonly standbyStreamMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly scheduler?: Scheduler;
  readonly random?: () => number;
  readonly logger?: Logger;
  /**
   * Called once when the image can no longer be trusted (a record broke an invariant: a bug on one
   * side or the other). The listener has stopped applying; the broker must stop.
   */
  readonly onFatal: (error: unknown) => void;
}

/** MetadataChangeListener hears each applied chunk's delta, with the image after it. It must not throw. */
export type MetadataChangeListener = (delta: MetadataDelta, image: MetadataImage) => void;

const DEFAULT_CHECKPOINT_INTERVAL_BATCHES = 1_000;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 30_000;
const DEFAULT_STANDBY_STREAM_MS = 10_000;

/** How one stream ended: why, and whether it applied anything (which resets the backoff). */
interface StreamOutcome {
  readonly delivered: boolean;
  readonly movedTo?: number;
  readonly error?: TributaryError;
}

/**
 * MetadataListener follows the committed metadata log (KIP-500 brokers as observers; DESIGN.md
 * decision 5). It streams StreamMetadata from the active controller (any voter while none is
 * known), applies snapshot chunks (replacing the image) and batches (replaying every record at the
 * batch's offset; a record-less batch, a Raft no-op, replays a no-op record so the offset still
 * advances) to a local {@link MetadataImage}, and after each applied chunk tells its listeners
 * what changed.
 *
 * Invariants:
 * - offsets applied strictly increase: a batch or snapshot at or below the applied offset (a
 *   resent chunk after a reconnect) is skipped, never replayed twice;
 * - after any disconnect it resumes from `appliedOffset + 1`, from whichever voter it reaches, so
 *   nothing is missed (a voter that no longer has those batches sends a snapshot);
 * - a chunk is decoded in full before any of it is applied, so a malformed chunk changes nothing.
 *
 * It streams from the active controller: it moves its stream when the channel learns of a new
 * one, and returns to it after `standbyStreamMs` on a standby. A voter that lost leadership or was
 * stopped may keep a stream open without ever sending on it again.
 *
 * The image is checkpointed to LevelDB (see {@link MetadataCheckpointStore}) every N batches or T
 * ms and on a clean stop; {@link MetadataListener.open} loads it, so a restart resumes the stream
 * at the checkpointed offset + 1. A damaged checkpoint is logged and ignored (start from 0).
 */
export class MetadataListener {
  readonly #options: MetadataListenerOptions;
  readonly #store: MetadataCheckpointStore;
  readonly #scheduler: Scheduler;
  readonly #logger: Logger;
  readonly #changes = new Listeners<[delta: MetadataDelta, image: MetadataImage]>();
  readonly #checkpointWrites = new Listeners<[offset: number]>();
  readonly #stopping = new AbortController();
  readonly #checkpointIntervalBatches: number;
  readonly #checkpointIntervalMs: number;
  readonly #loadedOffset: number;
  #image: MetadataImage;
  #highWatermark = -1;
  /** The high watermark of the first chunk ever received: what "caught up" means. */
  #catchUpTarget: number | undefined = undefined;
  readonly #caughtUp: Promise<void>;
  #resolveCaughtUp: () => void = () => {};
  #appliedWaiters: Array<{ offset: number; resolve: () => void }> = [];
  #streamingFrom: number | undefined = undefined;
  #cancelStream: (() => void) | undefined = undefined;
  #running: Promise<void> | undefined = undefined;
  #stopped: Promise<void> | undefined = undefined;
  #failed = false;
  #checkpointedOffset: number;
  #batchesSinceCheckpoint = 0;
  #cancelCheckpointTimer: (() => void) | undefined = undefined;
  #checkpoints: Promise<void> = Promise.resolve();

  private constructor(options: MetadataListenerOptions, store: MetadataCheckpointStore, image: MetadataImage) {
    this.#options = options;
    this.#store = store;
    this.#image = image;
    this.#loadedOffset = image.offset;
    this.#checkpointedOffset = image.offset;
    this.#scheduler = options.scheduler ?? systemScheduler;
    this.#logger = options.logger ?? SILENT_LOGGER;
    this.#checkpointIntervalBatches = options.checkpointIntervalBatches ?? DEFAULT_CHECKPOINT_INTERVAL_BATCHES;
    this.#checkpointIntervalMs = options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    assert(this.#checkpointIntervalBatches >= 1 && this.#checkpointIntervalMs >= 0, "checkpoint intervals must be positive");
    this.#caughtUp = new Promise((resolve) => (this.#resolveCaughtUp = resolve));
  }

  /**
   * open opens the checkpoint store and loads the image from it (an empty image when there is no
   * usable checkpoint). It does not connect: subscribe with {@link MetadataListener.onChange}, then
   * {@link MetadataListener.start}.
   */
  static async open(options: MetadataListenerOptions): Promise<MetadataListener> {
    const logger = options.logger ?? SILENT_LOGGER;
    const store = await MetadataCheckpointStore.open(options.checkpointDir, logger);
    let image = new MetadataImage();
    try {
      const checkpoint = await store.load(options.clusterId);
      if (checkpoint !== undefined) {
        image = MetadataImage.fromSnapshot(checkpoint.records, checkpoint.offset);
        logger.info(`loaded the metadata checkpoint at offset ${checkpoint.offset} (${checkpoint.records.length} records)`);
      }
    } catch (error) {
      // The checkpoint only saves streaming time; the controllers hold the truth.
      if (!(error instanceof CheckpointCorruptError || error instanceof AssertionError || error instanceof TributaryError)) {
        await store.close();
        throw error;
      }
      logger.warn(`ignoring the metadata checkpoint in ${options.checkpointDir}: ${error.message}; streaming metadata from offset 0`);
      image = new MetadataImage();
    }
    return new MetadataListener(options, store, image);
  }

  /** image is the current metadata image. A snapshot replaces it: re-read it after each change. */
  get image(): MetadataImage {
    return this.#image;
  }

  /** appliedOffset is the offset of the last batch applied (-1 for none): what heartbeats report. */
  get appliedOffset(): number {
    return this.#image.offset;
  }

  /** highWatermark is the highest commit offset a controller reported on the stream (-1 before any). */
  get highWatermark(): number {
    return this.#highWatermark;
  }

  /** loadedOffset is the offset of the checkpoint the listener started from (-1 for none). */
  get loadedOffset(): number {
    return this.#loadedOffset;
  }

  /** checkpointedOffset is the offset of the last checkpoint on disk (-1 for none). */
  get checkpointedOffset(): number {
    return this.#checkpointedOffset;
  }

  /** streamingFrom is the voter the stream is open to, if any. */
  get streamingFrom(): number | undefined {
    return this.#streamingFrom;
  }

  /**
   * onChange subscribes to deltas. The first delta after {@link MetadataListener.start} restates a
   * loaded checkpoint (as a snapshot delta from the empty image), so a subscriber sees everything.
   */
  onChange(listener: MetadataChangeListener): () => void {
    return this.#changes.add(listener);
  }

  /** onCheckpoint tells `listener` the offset of every checkpoint once it is durable. */
  onCheckpoint(listener: (offset: number) => void): () => void {
    return this.#checkpointWrites.add(listener);
  }

  /**
   * caughtUp resolves once the applied offset reaches the high watermark of the first chunk the
   * listener received: the broker has seen the metadata as of when it connected, and may ask to
   * be unfenced.
   */
  caughtUp(): Promise<void> {
    return this.#caughtUp;
  }

  /** whenApplied resolves once the applied offset is at least `offset`. */
  whenApplied(offset: number): Promise<void> {
    if (this.#image.offset >= offset) return Promise.resolve();
    return new Promise((resolve) => this.#appliedWaiters.push({ offset, resolve }));
  }

  /** start begins streaming; it returns at once. */
  start(): void {
    assert(this.#running === undefined, "the metadata listener was started twice");
    assert(!this.#stopping.signal.aborted, "the metadata listener was started after stop");
    if (this.#image.offset >= 0) {
      this.#changes.notify(snapshotDelta(this.#options.brokerId, new MetadataImage(), this.#image), this.#image);
    }
    this.#running = this.#run().catch((error: unknown) => this.#fail(error));
  }

  /** checkpoint writes the image now (if it moved since the last checkpoint) and resolves once it is durable. */
  checkpoint(): Promise<void> {
    const next = this.#checkpoints.then(() => this.#writeCheckpoint());
    this.#checkpoints = next.catch(() => undefined);
    return next;
  }

  /** stop closes the stream, writes a last checkpoint (unless the image failed) and closes the store. */
  stop(): Promise<void> {
    this.#stopped ??= this.#stop();
    return this.#stopped;
  }

  async #stop(): Promise<void> {
    this.#stopping.abort();
    this.#cancelStream?.();
    await this.#running;
    this.#cancelCheckpointTimer?.();
    this.#cancelCheckpointTimer = undefined;
    try {
      if (!this.#failed) await this.checkpoint();
    } finally {
      await this.#checkpoints;
      await this.#store.close();
    }
  }

  async #run(): Promise<void> {
    const random = this.#options.random ?? Math.random;
    const backoff = new Backoff(this.#options.backoff ?? DEFAULT_BACKOFF, random);
    const channel = this.#options.channel;
    let voterId = channel.activeControllerId ?? channel.nextVoter(undefined);
    while (!this.#stopping.signal.aborted && !this.#failed) {
      const outcome = await this.#follow(voterId);
      if (this.#stopping.signal.aborted || this.#failed) return;
      if (outcome.delivered) backoff.reset();
      if (outcome.movedTo !== undefined) {
        this.#logger.info(`moving the metadata stream from controller ${voterId} to the active controller ${outcome.movedTo}`);
        voterId = outcome.movedTo;
        continue;
      }
      const delayMs = backoff.nextDelayMs();
      this.#logger.warn(
        `metadata stream from controller ${voterId} ended at offset ${this.#image.offset}: ${outcome.error?.code ?? "closed"}: ${outcome.error?.message ?? ""}; retrying in ${delayMs} ms`,
      );
      voterId = channel.nextVoter(voterId);
      await sleep(this.#scheduler, delayMs, this.#stopping.signal);
    }
  }

  /** #follow streams from one voter until the stream fails, ends, is moved or is stopped. */
  #follow(voterId: number): Promise<StreamOutcome> {
    return new Promise((resolve) => {
      let delivered = false;
      let settled = false;
      let stream: ClientReadableStream<MetadataChunk__Output> | undefined;
      let unsubscribe = () => {};
      let cancelStandbyTimer = () => {};
      const finish = (outcome: Omit<StreamOutcome, "delivered">) => {
        if (settled) return;
        settled = true;
        unsubscribe();
        cancelStandbyTimer();
        this.#cancelStream = undefined;
        this.#streamingFrom = undefined;
        stream?.cancel();
        resolve({ delivered, ...outcome });
      };
      this.#cancelStream = () => finish({});
      const channel = this.#options.channel;
      unsubscribe = channel.onActiveControllerChange((activeId) => {
        if (activeId !== undefined && activeId !== voterId) finish({ movedTo: activeId });
      });
      if (channel.activeControllerId !== undefined && channel.activeControllerId !== voterId) {
        cancelStandbyTimer = this.#scheduler.setTimer(this.#options.standbyStreamMs ?? DEFAULT_STANDBY_STREAM_MS, () => {
          const activeId = channel.activeControllerId;
          if (activeId !== undefined && activeId !== voterId) finish({ movedTo: activeId });
        });
      }
      try {
        stream = channel.streamMetadata(voterId, this.#image.offset + 1, this.#options.brokerId);
      } catch (error) {
        finish({ error: TributaryError.from(error) });
        return;
      }
      this.#streamingFrom = voterId;
      stream.on("data", (chunk: MetadataChunk__Output) => {
        if (settled) return;
        let decoded: DecodedChunk;
        try {
          decoded = decodeChunk(chunk);
        } catch (error) {
          finish({ error: TributaryError.from(error) });
          return;
        }
        try {
          if (this.#apply(decoded)) delivered = true;
        } catch (error) {
          this.#fail(error);
          finish({});
        }
      });
      stream.on("error", (error: ServiceError) => finish({ error: fromServiceError(error) }));
      stream.on("end", () => finish({ error: new TributaryError("NETWORK_EXCEPTION", "the controller ended the metadata stream") }));
    });
  }

  /**
   * #apply applies a decoded chunk and notifies listeners; it returns whether anything was applied.
   * A replay that throws leaves the image unusable: the error propagates to #fail.
   */
  #apply(chunk: DecodedChunk): boolean {
    const brokerId = this.#options.brokerId;
    let appliedBatches = 0;
    if (chunk.snapshot !== undefined && chunk.snapshot.offset > this.#image.offset) {
      const before = this.#image;
      this.#image = MetadataImage.fromSnapshot(chunk.snapshot.records, chunk.snapshot.offset);
      appliedBatches += 1;
      this.#changes.notify(snapshotDelta(brokerId, before, this.#image), this.#image);
    }
    const image = this.#image;
    const delta = new BatchDeltaBuilder(brokerId, image);
    for (const batch of chunk.batches) {
      // A resent batch (after a reconnect, or from a voter that had it too) is already applied.
      if (batch.offset <= image.offset) continue;
      for (const record of batch.records) {
        delta.beforeReplay(record, image);
        image.replay(record, batch.offset);
      }
      if (batch.records.length === 0) image.replay({ type: "no-op" }, batch.offset);
      delta.batchApplied(batch.offset);
      appliedBatches += 1;
    }
    if (!delta.empty) this.#changes.notify(delta.build(image), image);
    if (this.#catchUpTarget === undefined) {
      this.#catchUpTarget = chunk.highWatermark;
      if (chunk.highWatermark < this.#image.offset) {
        this.#logger.warn(`controller ${this.#streamingFrom ?? "?"} reports commit offset ${chunk.highWatermark}, behind this broker's ${this.#image.offset}`);
      }
    }
    this.#highWatermark = Math.max(this.#highWatermark, chunk.highWatermark);
    this.#afterApply(appliedBatches);
    return appliedBatches > 0;
  }

  #afterApply(appliedBatches: number): void {
    const offset = this.#image.offset;
    if (this.#catchUpTarget !== undefined && offset >= this.#catchUpTarget) this.#resolveCaughtUp();
    if (this.#appliedWaiters.length > 0) {
      const due = this.#appliedWaiters.filter((waiter) => offset >= waiter.offset);
      this.#appliedWaiters = this.#appliedWaiters.filter((waiter) => offset < waiter.offset);
      for (const waiter of due) waiter.resolve();
    }
    if (appliedBatches === 0) return;
    this.#batchesSinceCheckpoint += appliedBatches;
    if (this.#batchesSinceCheckpoint >= this.#checkpointIntervalBatches) {
      this.#checkpointInBackground();
    } else if (this.#cancelCheckpointTimer === undefined) {
      this.#cancelCheckpointTimer = this.#scheduler.setTimer(this.#checkpointIntervalMs, () => {
        this.#cancelCheckpointTimer = undefined;
        this.#checkpointInBackground();
      });
    }
  }

  #checkpointInBackground(): void {
    this.checkpoint().catch((error: unknown) => {
      // A missed checkpoint costs only streaming time after a restart; keep going.
      this.#logger.warn(`metadata checkpoint at offset ${this.#image.offset} failed: ${(error as Error).message}`);
    });
  }

  async #writeCheckpoint(): Promise<void> {
    const offset = this.#image.offset;
    if (this.#failed || offset < 0 || offset <= this.#checkpointedOffset) return;
    // Records and offset are taken in one synchronous step, so they describe the same image.
    const records = this.#image.toSnapshotRecords();
    this.#batchesSinceCheckpoint = 0;
    this.#cancelCheckpointTimer?.();
    this.#cancelCheckpointTimer = undefined;
    await this.#store.write(offset, records, this.#options.clusterId);
    this.#checkpointedOffset = Math.max(this.#checkpointedOffset, offset);
    this.#checkpointWrites.notify(offset);
  }

  #fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#logger.error(`metadata image failed at offset ${this.#image.offset}: ${(error as Error).message ?? String(error)}`);
    this.#stopping.abort();
    this.#options.onFatal(error);
  }
}
