import type { MetadataImage } from "@tributary/controller/internal/metadata";
import type { MetadataRequest__Output } from "@tributary/client/internal/generated/tributary/v1/MetadataRequest";
import type { MetadataResponse } from "@tributary/client/internal/generated/tributary/v1/MetadataResponse";
import { TributaryError } from "@tributary/client/internal/errors";
import { errorToWire, NO_ERROR } from "@tributary/client/internal/wire";

/** INTERNAL_TOPIC_PREFIX marks topics Tributary itself uses, like `__consumer_offsets`. */
export const INTERNAL_TOPIC_PREFIX = "__";

/**
 * metadataResponse answers a Metadata request from the broker's image: live brokers at their
 * advertised `listener` address, and the requested topics with each partition's leader,
 * replicas, ISR and leader epoch. Replicas on fenced brokers are reported offline.
 */
export function metadataResponse(image: MetadataImage, request: MetadataRequest__Output, listener: string, controllerId: number): MetadataResponse {
  const live = image.cluster.brokers().filter((broker) => broker.state !== "fenced");
  const liveIds = new Set(live.map((broker) => broker.brokerId));
  const wanted =
    request.topics.length > 0
      ? request.topics
      : image.topics
          .topics()
          .map((topic) => topic.name)
          .filter((name) => request.includeInternal || !name.startsWith(INTERNAL_TOPIC_PREFIX))
          .sort();
  return {
    clusterId: "",
    controllerId,
    metadataOffset: String(image.offset),
    brokers: live.flatMap((broker) => {
      const endpoint = broker.endpoints.find((candidate) => candidate.listener === listener) ?? broker.endpoints[0];
      return endpoint === undefined ? [] : [{ nodeId: broker.brokerId, host: endpoint.host, port: endpoint.port, ...(broker.rack === null ? {} : { rack: broker.rack }) }];
    }),
    topics: wanted.map((name) => {
      const topic = image.topics.topicByName(name);
      if (topic === undefined) return { name, error: errorToWire(new TributaryError("UNKNOWN_TOPIC_OR_PARTITION", `no topic ${name}`)), partitions: [] };
      return {
        name,
        error: NO_ERROR,
        topicId: topic.topicId,
        isInternal: name.startsWith(INTERNAL_TOPIC_PREFIX),
        partitions: topic.partitions.map((state) => ({
          error: state.leader < 0 ? errorToWire(new TributaryError("LEADER_NOT_AVAILABLE", `${name}-${state.partition} has no leader`)) : NO_ERROR,
          partition: state.partition,
          leader: state.leader,
          leaderEpoch: state.leaderEpoch,
          replicas: [...state.replicas],
          isr: [...state.isr],
          offlineReplicas: state.replicas.filter((replica) => !liveIds.has(replica)),
        })),
      };
    }),
  };
}
