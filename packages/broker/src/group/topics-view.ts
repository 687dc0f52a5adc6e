import type { MetadataImage } from "@tributary/controller/internal/metadata";

/** TopicMetadata is what the coordinator needs to know of a topic: its id, name and partition count. */
export interface TopicMetadata {
  readonly topicId: string;
  readonly name: string;
  readonly partitionCount: number;
}

/**
 * TopicsView is the coordinator's read-only window on the cluster's topics. The group state
 * machine takes it as an input rather than holding the metadata image, so tests can hand it any
 * topics and the state machine stays a function of (state, request, topics).
 */
export interface TopicsView {
  /** version changes whenever the topics may have changed (the metadata offset): a cache key. */
  readonly version: number;
  byName(name: string): TopicMetadata | undefined;
  byId(topicId: string): TopicMetadata | undefined;
  /** all lists every topic. */
  all(): Iterable<TopicMetadata>;
}

/** topicsViewOf reads topics from a broker's metadata image. */
export function topicsViewOf(image: MetadataImage): TopicsView {
  const metadataOf = (topic: { readonly topicId: string; readonly name: string; readonly partitions: readonly unknown[] } | undefined): TopicMetadata | undefined =>
    topic === undefined ? undefined : { topicId: topic.topicId, name: topic.name, partitionCount: topic.partitions.length };
  return {
    version: image.offset,
    byName: (name) => metadataOf(image.topics.topicByName(name)),
    byId: (topicId) => metadataOf(image.topics.topicById(topicId)),
    all: () => image.topics.topics().map((topic) => metadataOf(topic)!),
  };
}

/** topicsViewFrom is a fixed list of topics as a {@link TopicsView} (tests, tools). */
export function topicsViewFrom(topics: readonly TopicMetadata[], version = 0): TopicsView {
  const byName = new Map(topics.map((topic) => [topic.name, topic]));
  const byId = new Map(topics.map((topic) => [topic.topicId, topic]));
  return { version, byName: (name) => byName.get(name), byId: (topicId) => byId.get(topicId), all: () => topics };
}
