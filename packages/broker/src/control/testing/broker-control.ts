import { join } from "node:path";
import type { QuorumVoter } from "@tributary/client/internal/config";
import type { TributaryError } from "@tributary/client/internal/errors";
import type { BrokerLifecycleState } from "../broker-lifecycle-state.js";
import { BrokerLifecycle, type BrokerLifecycleOptions } from "../broker-lifecycle.js";
import { ControllerChannel } from "../controller-channel.js";
import { METADATA_CHECKPOINT_DIR } from "../metadata-checkpoint.js";
import type { MetadataDelta } from "../metadata-delta.js";
import { MetadataListener, type MetadataListenerOptions } from "../metadata-listener.js";
import { SILENT_LOGGER } from "../logger.js";

/** BrokerControlOptions shapes one test broker's control plane. */
export interface BrokerControlOptions {
  readonly brokerId: number;
  readonly clusterId: string;
  readonly voters: readonly QuorumVoter[];
  /** The broker's first log dir; the checkpoint goes under it. */
  readonly logDir: string;
  readonly heartbeatIntervalMs?: number;
  readonly lifecycle?: Partial<Omit<BrokerLifecycleOptions, "channel" | "metadata" | "onFatal">>;
  readonly listener?: Partial<Omit<MetadataListenerOptions, "channel" | "onFatal">>;
  /** Start a lifecycle too (default true); without it the listener runs alone. */
  readonly register?: boolean;
}

/**
 * BrokerControl wires one broker's control plane the way a broker process does — a channel, a
 * metadata listener with its checkpoint, a lifecycle — and records what they report, for tests.
 */
export class BrokerControl {
  readonly channel: ControllerChannel;
  readonly listener: MetadataListener;
  readonly lifecycle: BrokerLifecycle | undefined;
  /** Every delta, in order. */
  readonly deltas: MetadataDelta[] = [];
  /** Every lifecycle state entered, in order. */
  readonly states: BrokerLifecycleState[] = [];
  /** Every broker epoch registered, in order. */
  readonly epochs: number[] = [];
  /** Anything reported as fatal. */
  readonly fatal: unknown[];

  private constructor(channel: ControllerChannel, listener: MetadataListener, lifecycle: BrokerLifecycle | undefined, fatal: unknown[]) {
    this.channel = channel;
    this.listener = listener;
    this.lifecycle = lifecycle;
    this.fatal = fatal;
  }

  /** start opens everything (loading any checkpoint) and starts streaming and registering. */
  static async start(options: BrokerControlOptions): Promise<BrokerControl> {
    const fatal: unknown[] = [];
    const channel = new ControllerChannel({ voters: options.voters, attemptTimeoutMs: 2_000 });
    const listener = await MetadataListener.open({
      brokerId: options.brokerId,
      clusterId: options.clusterId,
      channel,
      checkpointDir: join(options.logDir, METADATA_CHECKPOINT_DIR),
      logger: SILENT_LOGGER,
      ...options.listener,
      onFatal: (error) => fatal.push(error),
    });
    const lifecycle =
      options.register === false
        ? undefined
        : new BrokerLifecycle({
            brokerId: options.brokerId,
            clusterId: options.clusterId,
            endpoints: [{ listener: "PLAINTEXT", host: "127.0.0.1", port: 19_000 + options.brokerId }],
            rack: undefined,
            heartbeatIntervalMs: options.heartbeatIntervalMs ?? 100,
            channel,
            metadata: listener,
            logger: SILENT_LOGGER,
            ...options.lifecycle,
            onFatal: (error: TributaryError) => fatal.push(error),
          });
    const control = new BrokerControl(channel, listener, lifecycle, fatal);
    listener.onChange((delta) => control.deltas.push(delta));
    lifecycle?.onStateChange((state) => control.states.push(state));
    lifecycle?.onRegistered((epoch) => control.epochs.push(epoch));
    listener.start();
    lifecycle?.start();
    return control;
  }

  /** appliedBatchOffsets lists every offset the listener applied, in order. */
  appliedBatchOffsets(): number[] {
    return this.deltas.flatMap((delta) => delta.batchOffsets);
  }

  /** stop closes the lifecycle (no controlled shutdown), the listener (checkpointing) and the channel. */
  async stop(): Promise<void> {
    await this.lifecycle?.close();
    await this.listener.stop();
    this.channel.close();
  }
}
