import { ClusterControl } from "./cluster-control.js";
import { ConfigControl } from "./config-control.js";
import { HeartbeatTracker } from "./heartbeat-tracker.js";
import { MetadataImage } from "./metadata-image.js";
import { DEFAULT_METADATA_CONTROL_OPTIONS, type MetadataControlOptions } from "./metadata-options.js";
import { ProducerIdControl } from "./producer-id-control.js";
import { ReplicationControl } from "./replication-control.js";
import { TopicControl, type TopicIdGenerator } from "./topic-control.js";

/**
 * MetadataControl is the metadata state machine wired together: one image and the managers that
 * read it. The driver runs one manager call at a time, appends the returned records, and replays
 * them into `image` (see ControllerResult).
 */
export interface MetadataControl {
  readonly image: MetadataImage;
  readonly heartbeats: HeartbeatTracker;
  readonly cluster: ClusterControl;
  readonly topics: TopicControl;
  readonly replication: ReplicationControl;
  readonly configs: ConfigControl;
  readonly producerIds: ProducerIdControl;
}

/** MetadataControlParams configure {@link createMetadataControl}. */
export interface MetadataControlParams {
  /** sessionTimeoutMs is broker.session.timeout.ms. */
  readonly sessionTimeoutMs: number;
  /** newTopicId returns a fresh topic id (crypto.randomUUID in the driver). */
  readonly newTopicId: TopicIdGenerator;
  readonly options?: Partial<MetadataControlOptions>;
  /** image to start from (a loaded snapshot); a fresh one by default. */
  readonly image?: MetadataImage;
}

/** createMetadataControl builds the managers over one image. */
export function createMetadataControl(params: MetadataControlParams): MetadataControl {
  const options: MetadataControlOptions = { ...DEFAULT_METADATA_CONTROL_OPTIONS, ...params.options };
  const image = params.image ?? new MetadataImage();
  const heartbeats = new HeartbeatTracker(params.sessionTimeoutMs);
  const configs = new ConfigControl(image, options);
  const replication = new ReplicationControl(image, configs, options);
  return {
    image,
    heartbeats,
    cluster: new ClusterControl(image, heartbeats, replication),
    topics: new TopicControl(image, configs, options, params.newTopicId),
    replication,
    configs,
    producerIds: new ProducerIdControl(image, options),
  };
}
