import type { MetadataImage } from "../metadata-image.js";

/**
 * describeImage dumps an image as plain data, every collection in a fixed order, so that tests can
 * compare two images with a deep equality (private fields are invisible to one).
 */
export function describeImage(image: MetadataImage): unknown {
  return {
    brokers: image.cluster.brokers(),
    topics: image.topics.topics().map((topic) => ({ name: topic.name, topicId: topic.topicId, partitions: [...topic.partitions] })),
    partitionCount: image.topics.partitionCount,
    configs: image.configs
      .resources()
      .map((resource) => ({ ...resource, values: [...image.configs.overrides(resource.type, resource.name)].sort(([a], [b]) => (a < b ? -1 : 1)) }))
      .sort((a, b) => (`${a.type}:${a.name}` < `${b.type}:${b.name}` ? -1 : 1)),
    producerIds: { next: image.producerIds.nextProducerId, lastBlock: image.producerIds.lastBlock },
  };
}
