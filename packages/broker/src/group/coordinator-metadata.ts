import type { MetadataImage } from "@tributary/controller/internal/metadata";
import { OFFSETS_TOPIC } from "./offsets-topic.js";
import { topicsViewOf, type TopicsView } from "./topics-view.js";

/** CoordinatorMetadata is what the group coordinator reads from the cluster metadata. */
export interface CoordinatorMetadata {
  /** topics is the cluster's topics now. */
  topics(): TopicsView;
  /** offsetsPartitionCount is the partition count of `__consumer_offsets`, undefined before it exists. */
  offsetsPartitionCount(): number | undefined;
  /** offsetsLeader is the leader of one partition of `__consumer_offsets` (-1 when none or unknown). */
  offsetsLeader(partition: number): number;
}

/** coordinatorMetadataOf reads a broker's metadata image. */
export function coordinatorMetadataOf(image: () => MetadataImage): CoordinatorMetadata {
  return {
    topics: () => topicsViewOf(image()),
    offsetsPartitionCount: () => image().topics.topicByName(OFFSETS_TOPIC)?.partitions.length,
    offsetsLeader: (partition) => image().topics.topicByName(OFFSETS_TOPIC)?.partitions[partition]?.leader ?? -1,
  };
}
