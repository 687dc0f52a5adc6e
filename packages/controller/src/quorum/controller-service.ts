import type { ServerWritableStream } from "@grpc/grpc-js";
import { TributaryError } from "@tributary/client/internal/errors";
import { errorToWire, NO_ERROR, toServiceError, unary } from "@tributary/client/internal/wire";
import type { AssertionError } from "@tributary/client/internal/assert";
import type { ControllerHandlers } from "@tributary/client/internal/generated/tributary/v1/Controller";
import type { MetadataChunk } from "@tributary/client/internal/generated/tributary/v1/MetadataChunk";
import type { StreamMetadataRequest__Output } from "@tributary/client/internal/generated/tributary/v1/StreamMetadataRequest";
import type { ConfigResource__Output } from "@tributary/client/internal/generated/tributary/v1/ConfigResource";
import type { ConfigSource } from "@tributary/client/internal/generated/tributary/v1/ConfigSource";
import type { ConfigResource } from "../metadata/configs-image.js";
import type { DescribedConfig } from "../metadata/config-control.js";
import { itemError } from "../metadata/controller-result.js";
import { describeBrokers } from "../metadata/metadata-queries.js";
import type { PartitionLeadership } from "../metadata/replication-control.js";
import type { RaftStatus } from "../raft/status.js";
import type { MetadataFeed } from "./metadata-feed.js";
import type { QuorumController } from "./quorum-controller.js";

/** ControllerServiceOptions is what the Controller gRPC service is built on. */
export interface ControllerServiceOptions {
  readonly clusterId: string;
  readonly nodeId: number;
  readonly controller: QuorumController;
  readonly feed: MetadataFeed;
  /** Every voter's id and host:port, for leader hints and DescribeCluster. */
  readonly voters: ReadonlyMap<number, string>;
  /** The Raft status, for DescribeQuorum and leader hints. */
  readonly raftStatus: () => RaftStatus;
  readonly tickMs: number;
  /** Bytes a metadata stream may have buffered unsent before it is closed (the broker reconnects). */
  readonly streamBufferedBytesMax: number;
  readonly onBug: (error: AssertionError) => void;
}

const CONFIG_SOURCES: Record<DescribedConfig["source"], ConfigSource> = {
  TOPIC: "CONFIG_SOURCE_TOPIC",
  DYNAMIC_BROKER: "CONFIG_SOURCE_DYNAMIC_BROKER",
  DYNAMIC_DEFAULT_BROKER: "CONFIG_SOURCE_DYNAMIC_BROKER",
  STATIC_BROKER: "CONFIG_SOURCE_STATIC_BROKER",
  DEFAULT: "CONFIG_SOURCE_DEFAULT",
};

function describedToWire(config: DescribedConfig) {
  return { name: config.name, value: config.value, source: CONFIG_SOURCES[config.source], readOnly: false, sensitive: false };
}

function resourceFromWire(resource: ConfigResource__Output | null): ConfigResource {
  if (resource === null || resource.type === "CONFIG_RESOURCE_TYPE_UNSPECIFIED") {
    throw new TributaryError("INVALID_REQUEST", "a config resource needs a type (topic or broker)");
  }
  return { type: resource.type === "CONFIG_RESOURCE_TYPE_TOPIC" ? "topic" : "broker", name: resource.name };
}

function resourceToWire(resource: ConfigResource) {
  return { type: resource.type === "topic" ? ("CONFIG_RESOURCE_TYPE_TOPIC" as const) : ("CONFIG_RESOURCE_TYPE_BROKER" as const), name: resource.name };
}

function int(value: string, field: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new TributaryError("INVALID_REQUEST", `${field} ${value} is out of range`);
  return number;
}

/**
 * controllerService implements the Controller gRPC service over the quorum controller: writes go
 * through its serial operation queue (and answer NOT_CONTROLLER with a hint on a standby), reads
 * come from the committed image, and the metadata stream is served from the feed.
 */
export function controllerService(options: ControllerServiceOptions): ControllerHandlers {
  const { controller, onBug } = options;

  const leaderHint = () => {
    const status = options.raftStatus();
    return status.leader === undefined ? undefined : { nodeId: status.leader, endpoint: options.voters.get(status.leader) ?? "", epoch: status.term };
  };
  const requireActive = () => {
    if (controller.isActive()) return;
    const hint = leaderHint();
    throw new TributaryError("NOT_CONTROLLER", "this controller is not the active controller", hint === undefined || hint.nodeId === options.nodeId ? undefined : { leaderHint: hint });
  };
  const write = <R>(name: string, operation: Parameters<QuorumController["write"]>[1]): Promise<R> => {
    requireActive();
    return controller.write(name, operation) as Promise<R>;
  };

  return {
    RegisterBroker: unary(async (request) => {
      if (request.clusterId !== options.clusterId) {
        throw new TributaryError("INCONSISTENT_CLUSTER_ID", `broker is configured for cluster ${request.clusterId}; this is ${options.clusterId}`);
      }
      const reply = await write<{ brokerEpoch: number }>("RegisterBroker", (control, nowMs) =>
        control.cluster.registerBroker(
          { brokerId: request.brokerId, incarnationId: request.incarnationId, endpoints: request.endpoints, rack: request.rack ?? null },
          nowMs,
        ),
      );
      return { error: NO_ERROR, brokerEpoch: reply.brokerEpoch };
    }, onBug),

    BrokerHeartbeat: unary(async (request) => {
      const reply = await write<{ isCaughtUp: boolean; isFenced: boolean; shouldShutDown: boolean }>("BrokerHeartbeat", (control, nowMs) =>
        control.cluster.heartbeat(
          {
            brokerId: request.brokerId,
            brokerEpoch: int(request.brokerEpoch, "brokerEpoch"),
            currentMetadataOffset: int(request.currentMetadataOffset, "currentMetadataOffset"),
            wantFence: request.wantFence,
            wantShutDown: request.wantShutDown,
          },
          nowMs,
        ),
      );
      return { error: NO_ERROR, ...reply };
    }, onBug),

    AlterPartition: unary(async (request) => {
      const brokerEpoch = int(request.brokerEpoch, "brokerEpoch");
      type Outcome = { topicId: string; partition: number; result: PartitionLeadership | TributaryError };
      const named = request.topics.flatMap((topic) => topic.partitions.map((partition) => `${topic.topicId}/${partition.partition}`));
      if (new Set(named).size !== named.length) {
        // Each change is computed from the committed image; two for one partition would conflict.
        throw new TributaryError("INVALID_REQUEST", "AlterPartition names a partition more than once");
      }
      const outcomes = await write<Outcome[]>("AlterPartition", (control) => {
        const records = [];
        const results: Outcome[] = [];
        for (const topic of request.topics) {
          for (const partition of topic.partitions) {
            try {
              const result = control.replication.alterPartition({
                brokerId: request.brokerId,
                brokerEpoch,
                topicId: topic.topicId,
                partition: partition.partition,
                leaderEpoch: partition.leaderEpoch,
                partitionEpoch: partition.partitionEpoch,
                newIsr: partition.newIsr.map((member) => ({ brokerId: member.brokerId, brokerEpoch: int(member.brokerEpoch, "brokerEpoch") })),
              });
              records.push(...result.records);
              results.push({ topicId: topic.topicId, partition: partition.partition, result: result.response });
            } catch (error) {
              results.push({ topicId: topic.topicId, partition: partition.partition, result: itemError(error) });
            }
          }
        }
        // Each partition's response is its state after the change; read it back once committed.
        return { records, response: results };
      });
      const byTopic = new Map<string, ReturnType<typeof partitionResult>[]>();
      function partitionResult(outcome: Outcome) {
        if (outcome.result instanceof TributaryError) return { partition: outcome.partition, error: errorToWire(outcome.result) };
        const state = controller.image.topics.topicById(outcome.topicId)?.partitions[outcome.partition];
        const committed = state ?? outcome.result;
        return {
          partition: outcome.partition,
          error: NO_ERROR,
          leader: committed.leader,
          leaderEpoch: committed.leaderEpoch,
          partitionEpoch: committed.partitionEpoch,
          isr: [...committed.isr],
        };
      }
      for (const outcome of outcomes) {
        const list = byTopic.get(outcome.topicId) ?? [];
        list.push(partitionResult(outcome));
        byTopic.set(outcome.topicId, list);
      }
      return { error: NO_ERROR, topics: [...byTopic].map(([topicId, partitions]) => ({ topicId, partitions })) };
    }, onBug),

    AllocateProducerIds: unary(async (request) => {
      const block = await write<{ firstProducerId: bigint; count: number }>("AllocateProducerIds", (control) =>
        control.producerIds.allocateProducerIds({ brokerId: request.brokerId, brokerEpoch: int(request.brokerEpoch, "brokerEpoch") }),
      );
      return { error: NO_ERROR, firstProducerId: block.firstProducerId.toString(), count: block.count };
    }, onBug),

    CreateTopics: unary(async (request) => {
      const results = await write<Awaited<ReturnType<QuorumController["control"]["topics"]["createTopics"]>>["response"]>("CreateTopics", (control) =>
        control.topics.createTopics(
          request.topics.map((topic) => ({
            name: topic.name,
            numPartitions: topic.numPartitions === 0 ? -1 : topic.numPartitions,
            replicationFactor: topic.replicationFactor === 0 ? -1 : topic.replicationFactor,
            ...(topic.assignments.length > 0
              ? { assignments: [...topic.assignments].sort((a, b) => a.partition - b.partition).map((assignment) => assignment.brokerIds) }
              : {}),
            configs: Object.fromEntries(topic.configs.map((config) => [config.name, config.value ?? ""])),
          })),
          { validateOnly: request.validateOnly },
        ),
      );
      return {
        error: NO_ERROR,
        topics: results.map((result) =>
          result.error === null
            ? {
                name: result.name,
                topicId: result.topicId ?? "",
                error: NO_ERROR,
                numPartitions: result.numPartitions,
                replicationFactor: result.replicationFactor,
                configs: result.configs.map(describedToWire),
              }
            : { name: result.name, error: errorToWire(result.error) },
        ),
      };
    }, onBug),

    DeleteTopics: unary(async (request) => {
      const results = await write<{ name: string; error: TributaryError | null }[]>("DeleteTopics", (control) => control.topics.deleteTopics(request.names));
      return { error: NO_ERROR, topics: results.map((result) => ({ name: result.name, error: errorToWire(result.error) })) };
    }, onBug),

    CreatePartitions: unary(async (request) => {
      const results = await write<{ name: string; error: TributaryError | null }[]>("CreatePartitions", (control) =>
        control.topics.createPartitions(
          request.topics.map((topic) => ({
            name: topic.name,
            count: topic.count,
            ...(topic.assignments.length > 0 ? { assignments: topic.assignments.map((assignment) => assignment.brokerIds) } : {}),
          })),
          { validateOnly: request.validateOnly },
        ),
      );
      return { error: NO_ERROR, topics: results.map((result) => ({ name: result.name, error: errorToWire(result.error) })) };
    }, onBug),

    DescribeConfigs: unary((request) => {
      const resources = request.resources.map(resourceFromWire);
      const results = controller.control.configs.describeConfigs(resources, request.names.length > 0 ? request.names : undefined);
      return {
        error: NO_ERROR,
        results: results.map((result) => ({
          resource: resourceToWire(result.resource),
          error: errorToWire(result.error),
          configs: result.configs.map(describedToWire),
        })),
      };
    }, onBug),

    AlterConfigs: unary(async (request) => {
      const changes = request.resources.map((resource) => ({
        resource: resourceFromWire(resource.resource),
        changes: resource.configs.map((config) => {
          if (config.op === "ALTER_CONFIG_OP_UNSPECIFIED") throw new TributaryError("INVALID_REQUEST", `config ${config.name} needs an operation (set or delete)`);
          return { name: config.name, value: config.op === "ALTER_CONFIG_OP_DELETE" ? null : (config.value ?? "") };
        }),
      }));
      const results = await write<{ resource: ConfigResource; error: TributaryError | null }[]>("AlterConfigs", (control) =>
        control.configs.alterConfigs(changes, { validateOnly: request.validateOnly }),
      );
      return { error: NO_ERROR, results: results.map((result) => ({ resource: resourceToWire(result.resource), error: errorToWire(result.error) })) };
    }, onBug),

    ElectLeaders: unary(async (request) => {
      if (request.type !== "ELECTION_TYPE_PREFERRED") {
        throw new TributaryError(
          "INVALID_REQUEST",
          "only preferred-leader elections can be requested; unclean elections happen automatically for topics with unclean.leader.election.enable=true",
        );
      }
      await write("ElectLeaders", (control) => control.replication.maybeBalanceLeaders());
      return { error: NO_ERROR, results: request.partitions.map((partition) => ({ partition, error: NO_ERROR })) };
    }, onBug),

    StreamMetadata: (call: ServerWritableStream<StreamMetadataRequest__Output, MetadataChunk>) => {
      let fromOffset: number;
      try {
        fromOffset = Math.max(0, int(call.request.fromOffset, "fromOffset"));
      } catch (error) {
        call.destroy(error as Error);
        return;
      }
      const highWatermark = () => controller.image.offset;
      const overflowed = () => call.writableLength > options.streamBufferedBytesMax;
      const unsubscribe = options.feed.subscribe(fromOffset, {
        snapshot: (offset, records) => {
          call.write({ snapshot: { lastOffset: offset, records: [...records] }, batches: [], highWatermark: highWatermark() });
        },
        batches: (batches) => {
          if (batches.length === 0) return;
          call.write({ batches: batches.map((batch) => ({ offset: batch.offset, records: [...batch.records] })), highWatermark: highWatermark() });
          if (overflowed()) {
            unsubscribe();
            call.emit(
              "error",
              toServiceError(new TributaryError("RESOURCE_LIMIT_EXCEEDED", "the metadata stream fell too far behind; reconnect from the last applied offset")),
            );
          }
        },
      });
      // An empty catch-up still tells the reader where the log is.
      call.write({ batches: [], highWatermark: highWatermark() });
      call.on("cancelled", unsubscribe);
      call.on("close", unsubscribe);
      call.on("error", unsubscribe);
    },

    DescribeQuorum: unary(() => {
      const status = options.raftStatus();
      // Only the active controller answers: a leader still applying earlier terms' entries is not
      // yet one, and its high watermark would understate what is committed.
      if (status.role !== "leader" || status.voters === undefined || !controller.isActive()) {
        const hint = leaderHint();
        throw new TributaryError("NOT_CONTROLLER", "only the active controller describes the quorum", hint === undefined ? undefined : { leaderHint: hint });
      }
      const nowMs = Date.now();
      return {
        error: NO_ERROR,
        leaderId: status.id,
        leaderEpoch: status.term,
        highWatermark: status.commit,
        voters: status.voters.map((voter) => {
          const sinceContactMs = voter.id === status.id ? 0 : (status.tick - voter.lastContactTick) * options.tickMs;
          return {
            replicaId: voter.id,
            logEndOffset: voter.match,
            lastFetchTimestampMs: nowMs - sinceContactMs,
            lastCaughtUpTimestampMs: voter.match >= status.commit ? nowMs - sinceContactMs : -1,
            endpoint: options.voters.get(voter.id) ?? "",
          };
        }),
        observers: [],
      };
    }, onBug),

    DescribeCluster: unary(() => {
      const status = options.raftStatus();
      return {
        error: NO_ERROR,
        clusterId: options.clusterId,
        controllerId: status.leader ?? -1,
        brokers: describeBrokers(controller.image).map((broker) => ({
          brokerId: broker.brokerId,
          endpoints: broker.endpoints.map((endpoint) => ({ ...endpoint })),
          ...(broker.rack === null ? {} : { rack: broker.rack }),
          state: broker.isFenced ? "BROKER_STATE_FENCED" : broker.inControlledShutdown ? "BROKER_STATE_CONTROLLED_SHUTDOWN" : "BROKER_STATE_UNFENCED",
          brokerEpoch: broker.brokerEpoch,
          incarnationId: broker.incarnationId,
        })),
        controllers: [...options.voters].map(([nodeId, endpoint]) => ({ nodeId, endpoint })),
      };
    }, onBug),
  };
}
