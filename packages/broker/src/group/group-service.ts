import { AssertionError } from "@tributary/client/internal/assert";
import { TributaryError } from "@tributary/client/internal/errors";
import type { BrokerHandlers } from "@tributary/client/internal/generated/tributary/v1/Broker";
import type { ConsumerGroupHeartbeatRequest__Output } from "@tributary/client/internal/generated/tributary/v1/ConsumerGroupHeartbeatRequest";
import type { ConsumerGroupHeartbeatResponse } from "@tributary/client/internal/generated/tributary/v1/ConsumerGroupHeartbeatResponse";
import type { Error as WireError } from "@tributary/client/internal/generated/tributary/v1/Error";
import { errorToWire, NO_ERROR, unary } from "@tributary/client/internal/wire";
import type { GroupMethods } from "../service/broker-service.js";
import type { CoordinatorLocator } from "./coordinator-locator.js";
import type { GroupCoordinator } from "./group-coordinator.js";
import {
  clientHostOf,
  describedGroupToWire,
  heartbeatAssignmentToWire,
  heartbeatFromWire,
  offsetCommitFromWire,
  offsetFetchFromWire,
  offsetFetchToWire,
} from "./group-wire.js";
import type { TopicsView } from "./topics-view.js";

/** GroupServiceOptions is what the group calls of the Broker service are served by. */
export interface GroupServiceOptions {
  readonly brokerId: number;
  readonly coordinator: GroupCoordinator;
  readonly locator: CoordinatorLocator;
  /** The listener this service is served on: FindCoordinator answers with addresses on it. */
  readonly clientListener: string;
  /** The cluster's topics, to name topics in responses. */
  readonly topics: () => TopicsView;
  /** Requests are answered SHUTTING_DOWN once the broker stops. */
  readonly isServing: () => boolean;
  readonly onBug: (error: AssertionError) => void;
}

/**
 * failure turns what a handler threw into the error to put in the response. Group calls carry
 * their errors in the response (KIP-848's ErrorCode), so clients read one place; an AssertionError
 * is a bug and goes on to the RPC layer, which reports it to `onBug`.
 */
function failure(error: unknown): WireError {
  if (error instanceof AssertionError) throw error;
  return errorToWire(TributaryError.from(error));
}

/**
 * groupService implements the consumer-group calls of the Broker service (the `GroupMethods` the
 * rest of the service leaves out): FindCoordinator through the {@link CoordinatorLocator}; the
 * KIP-848 heartbeat, offsets and group administration through the {@link GroupCoordinator}.
 */
export function groupService(options: GroupServiceOptions): Pick<BrokerHandlers, GroupMethods> {
  const { onBug } = options;
  const serving = () => {
    if (!options.isServing()) throw new TributaryError("SHUTTING_DOWN", "this broker is shutting down; find the coordinator again");
  };

  // The heartbeat also reads the caller's address (the member's client host), so it wraps unary per call.
  const heartbeat: BrokerHandlers["ConsumerGroupHeartbeat"] = (call, callback) =>
    unary<ConsumerGroupHeartbeatRequest__Output, ConsumerGroupHeartbeatResponse>(async (request) => {
      try {
        serving();
        const response = await options.coordinator.heartbeat(heartbeatFromWire(request, clientHostOf(call.getPeer())));
        return {
          error: NO_ERROR,
          memberId: response.memberId,
          memberEpoch: response.memberEpoch,
          heartbeatIntervalMs: response.heartbeatIntervalMs,
          assignment: heartbeatAssignmentToWire(response.assignment, options.topics()),
        };
      } catch (error) {
        return { error: failure(error), memberId: request.memberId, memberEpoch: request.memberEpoch, heartbeatIntervalMs: 0, assignment: null };
      }
    }, onBug)(call, callback);

  return {
    FindCoordinator: unary((request) => {
      try {
        serving();
        if (request.keyType !== "COORDINATOR_KEY_TYPE_GROUP") throw new TributaryError("INVALID_REQUEST", "only group coordinators exist; transactions are not supported");
        const address = options.locator.find(request.key, options.clientListener);
        return { error: NO_ERROR, nodeId: address.nodeId, host: address.host, port: address.port };
      } catch (error) {
        return { error: failure(error), nodeId: -1, host: "", port: 0 };
      }
    }, onBug),

    ConsumerGroupHeartbeat: heartbeat,

    OffsetCommit: unary(async (request) => {
      const commit = offsetCommitFromWire(request);
      let errors: readonly (WireError | null)[];
      let groupError: WireError = NO_ERROR;
      try {
        serving();
        errors = (await options.coordinator.commitOffsets(commit)).map((error) => (error === null ? null : errorToWire(error)));
      } catch (error) {
        groupError = failure(error);
        errors = commit.entries.map(() => groupError);
      }
      let position = 0;
      return {
        error: groupError,
        topics: request.topics.map((topic) => ({
          name: topic.name,
          partitions: topic.partitions.map((partition) => ({ partition: partition.partition, error: errors[position++] ?? NO_ERROR })),
        })),
      };
    }, onBug),

    OffsetFetch: unary((request) => {
      try {
        serving();
        return { error: NO_ERROR, topics: offsetFetchToWire(options.coordinator.fetchOffsets(offsetFetchFromWire(request, options.topics()))) };
      } catch (error) {
        return { error: failure(error), topics: [] };
      }
    }, onBug),

    ListGroups: unary((request) => {
      try {
        serving();
        const wanted = new Set(request.states.map((state) => state.toLowerCase()));
        const listed = options.coordinator.listGroups();
        const error = listed.loadingShards > 0 ? errorToWire(new TributaryError("COORDINATOR_LOAD_IN_PROGRESS", `${listed.loadingShards} group shards are still loading; the list is partial`)) : NO_ERROR;
        return {
          error,
          groups: listed.groups.filter((group) => wanted.size === 0 || wanted.has(group.state.toLowerCase())).map((group) => ({ groupId: group.groupId, state: group.state, protocolType: "consumer" })),
        };
      } catch (error) {
        return { error: failure(error), groups: [] };
      }
    }, onBug),

    DescribeGroups: unary((request) => ({
      groups: request.groupIds.map((groupId) => {
        try {
          serving();
          const description = options.coordinator.describeGroup(groupId);
          if (description === undefined) throw new TributaryError("GROUP_ID_NOT_FOUND", `no group ${groupId}`);
          return describedGroupToWire(description, options.brokerId, options.topics());
        } catch (error) {
          const wire = failure(error);
          return { groupId, error: wire, state: wire.name === "GROUP_ID_NOT_FOUND" ? "Dead" : "", assignor: "", groupEpoch: -1, assignmentEpoch: -1, members: [], coordinatorId: options.brokerId };
        }
      }),
    }), onBug),

    DeleteGroups: unary(async (request) => {
      try {
        serving();
        const errors = await options.coordinator.deleteGroups(request.groupIds);
        return { results: request.groupIds.map((groupId, index) => ({ groupId, error: errorToWire(errors[index] ?? null) })) };
      } catch (error) {
        const wire = failure(error);
        return { results: request.groupIds.map((groupId) => ({ groupId, error: wire })) };
      }
    }, onBug),
  };
}
