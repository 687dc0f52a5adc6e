import type { Cluster } from "../cluster/cluster.js";
import type { BrokerState__Output } from "../generated/tributary/v1/BrokerState.js";
import type { QuorumReplica__Output } from "../generated/tributary/v1/QuorumReplica.js";
import { errorFromWire } from "../wire/wire-errors.js";
import { callAnyBroker } from "./admin-calls.js";
import type { BrokerStateName, ClusterDescription, ElectionResult, ElectLeadersOptions, QuorumDescription, QuorumReplicaDescription } from "./admin-types.js";

const STATE_FROM_WIRE: Record<BrokerState__Output, BrokerStateName> = {
  BROKER_STATE_UNSPECIFIED: "unknown",
  BROKER_STATE_FENCED: "fenced",
  BROKER_STATE_UNFENCED: "unfenced",
  BROKER_STATE_CONTROLLED_SHUTDOWN: "controlled-shutdown",
};

/**
 * describeCluster lists registered brokers (fenced ones too), the controllers and the active
 * controller. A broker's host and port are the ones clients use (from metadata) when the broker
 * is live, else its first registered endpoint.
 */
export async function describeCluster(cluster: Cluster): Promise<ClusterDescription> {
  const response = await callAnyBroker(cluster, "describeCluster", (connection) => connection.describeCluster({}), (answer) => answer.error);
  return {
    clusterId: response.clusterId,
    controller: response.controllerId >= 0 ? response.controllerId : null,
    brokers: response.brokers
      .map((broker) => {
        const live = cluster.metadata.brokers.get(broker.brokerId);
        const first = broker.endpoints[0];
        return {
          nodeId: broker.brokerId,
          host: live?.host ?? first?.host ?? "",
          port: live?.port ?? first?.port ?? 0,
          rack: broker.rack ?? null,
          state: STATE_FROM_WIRE[broker.state],
          brokerEpoch: BigInt(broker.brokerEpoch),
          endpoints: broker.endpoints.map((endpoint) => ({ listener: endpoint.listener, host: endpoint.host, port: endpoint.port })),
        };
      })
      .sort((a, b) => a.nodeId - b.nodeId),
    controllers: response.controllers.map((controller) => ({ nodeId: controller.nodeId, endpoint: controller.endpoint })),
  };
}

/** describeQuorum reports the controller quorum as `kafka-metadata-quorum describe --status/--replication` does. */
export async function describeQuorum(cluster: Cluster): Promise<QuorumDescription> {
  const response = await callAnyBroker(cluster, "describeQuorum", (connection) => connection.describeQuorum({}), (answer) => answer.error);
  return {
    leaderId: response.leaderId,
    leaderEpoch: Number(response.leaderEpoch),
    highWatermark: BigInt(response.highWatermark),
    voters: response.voters.map(replicaFromWire),
    observers: response.observers.map(replicaFromWire),
  };
}

function replicaFromWire(replica: QuorumReplica__Output): QuorumReplicaDescription {
  const timestamp = (value: string): number | null => (BigInt(value) < 0n ? null : Number(value));
  return {
    replicaId: replica.replicaId,
    logEndOffset: BigInt(replica.logEndOffset),
    lastFetchTimestampMs: timestamp(replica.lastFetchTimestampMs),
    lastCaughtUpTimestampMs: timestamp(replica.lastCaughtUpTimestampMs),
    endpoint: replica.endpoint,
  };
}

/**
 * electLeaders moves leadership back to preferred replicas (or runs an unclean election, which may
 * lose acknowledged records). Per-partition outcomes are returned, not thrown: ELECTION_NOT_NEEDED
 * is the usual answer for a partition already led by its preferred replica.
 */
export async function electLeaders(cluster: Cluster, options: ElectLeadersOptions = {}): Promise<ElectionResult[]> {
  const response = await callAnyBroker(
    cluster,
    "electLeaders",
    (connection) =>
      connection.electLeaders({
        type: options.type === "unclean" ? "ELECTION_TYPE_UNCLEAN" : "ELECTION_TYPE_PREFERRED",
        partitions: (options.partitions ?? []).map((entry) => ({ topic: entry.topic, partition: entry.partition })),
      }),
    (answer) => answer.error,
  );
  return response.results.map((result) => ({
    topic: result.partition?.topic ?? "",
    partition: result.partition?.partition ?? -1,
    error: errorFromWire(result.error),
  }));
}
