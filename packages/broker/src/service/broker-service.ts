import type { AssertionError } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import type { BrokerHandlers } from "@tributary/client/internal/generated/tributary/v1/Broker";
import { errorToWire, NO_ERROR, unary } from "@tributary/client/internal/wire";
import type { MetadataImage } from "@tributary/controller/internal/metadata";
import type { ControllerChannel } from "../control/controller-channel.js";
import type { ControllerMethod, ControllerRequest, ControllerResponse } from "../control/controller-methods.js";
import type { ReplicaManager } from "../replica/replica-manager.js";
import { handleFetch, type FetchContext } from "./fetch-handler.js";
import { metadataResponse } from "./metadata-response.js";
import { deleteRecords, listOffsets, offsetForLeaderEpoch } from "./offset-handlers.js";
import { handleProduce, type ProduceContext } from "./produce-handler.js";
import type { ProducerIdManager } from "./producer-ids.js";
import { parseOffset } from "./request-values.js";

/** BrokerServiceOptions is what the Broker gRPC service is built on. */
export interface BrokerServiceOptions extends ProduceContext, FetchContext {
  readonly clusterId: string;
  readonly image: () => MetadataImage;
  readonly replicas: ReplicaManager;
  readonly channel: Pick<ControllerChannel, "call">;
  readonly producerIds: ProducerIdManager;
  /** The listener clients use, whose advertised addresses Metadata reports. */
  readonly clientListener: string;
  /** The active controller as last known, for Metadata's controller_id. */
  readonly controllerId: () => number;
  /** Requests are refused with SHUTTING_DOWN once the broker stops. */
  readonly isServing: () => boolean;
  readonly onBug: (error: AssertionError) => void;
}

/** GroupMethods are the Broker service's consumer-group calls, served by the group coordinator. */
export type GroupMethods = "FindCoordinator" | "ConsumerGroupHeartbeat" | "OffsetCommit" | "OffsetFetch" | "ListGroups" | "DescribeGroups" | "DeleteGroups";

/**
 * brokerService implements the Broker gRPC service: metadata from the broker's image, the data
 * path on partition leaders (produce, fetch, offsets), producer ids, and the admin calls it
 * forwards to the active controller. The consumer-group calls come from the group coordinator.
 */
export function brokerService(options: BrokerServiceOptions): Omit<BrokerHandlers, GroupMethods> {
  const { onBug } = options;
  const serving = () => {
    if (!options.isServing()) throw new TributaryError("SHUTTING_DOWN", "this broker is shutting down; retry another");
  };
  const forward = <M extends ControllerMethod>(method: M) =>
    unary<ControllerRequest<M>, ControllerResponse<M>>(async (request) => {
      serving();
      return options.channel.call(method, request);
    }, onBug);

  return {
    Metadata: unary((request) => {
      serving();
      return { ...metadataResponse(options.image(), request, options.clientListener, options.controllerId()), clusterId: options.clusterId };
    }, onBug),

    Produce: unary(async (request) => {
      serving();
      if (request.acks === 0) {
        // acks=0: the producer asked for no acknowledgement beyond receipt.
        void handleProduce(request, options).catch(() => undefined);
        return { topics: [], throttleTimeMs: 0 };
      }
      return handleProduce(request, options);
    }, onBug),

    Fetch: unary(async (request) => {
      serving();
      return handleFetch(request, options);
    }, onBug),

    ListOffsets: unary(async (request) => {
      serving();
      return listOffsets(request, options.replicas, options.image());
    }, onBug),

    OffsetForLeaderEpoch: unary((request) => {
      serving();
      return offsetForLeaderEpoch(request, options.replicas, options.image());
    }, onBug),

    DeleteRecords: unary(async (request) => {
      serving();
      return deleteRecords(request, options.replicas, options.image());
    }, onBug),

    InitProducerId: unary(async (request) => {
      serving();
      if (request.transactionalId !== undefined && request.transactionalId !== null && request.transactionalId !== "") {
        throw new TributaryError("UNSUPPORTED_VERSION", "transactional producers are not supported; use an idempotent producer");
      }
      try {
        const { producerId, producerEpoch } = await options.producerIds.initProducerId(parseOffset(request.producerId, "producer_id", -1n), request.producerEpoch);
        return { error: NO_ERROR, producerId: producerId.toString(), producerEpoch };
      } catch (error) {
        return { error: errorToWire(TributaryError.from(error)), producerId: "-1", producerEpoch: -1 };
      }
    }, onBug),

    CreateTopics: forward("CreateTopics"),
    DeleteTopics: forward("DeleteTopics"),
    CreatePartitions: forward("CreatePartitions"),
    DescribeConfigs: forward("DescribeConfigs"),
    AlterConfigs: forward("AlterConfigs"),
    ElectLeaders: forward("ElectLeaders"),
    DescribeCluster: forward("DescribeCluster"),
    DescribeQuorum: forward("DescribeQuorum"),
  };
}
