import { assignmentToList, type Assignment } from "../assignment.js";
import { groupConfig, type GroupConfig } from "../group-config.js";
import { GroupCoordinatorShard } from "../group-coordinator-shard.js";
import type { GroupRecord } from "../group-records.js";
import type { HeartbeatRequest, HeartbeatResponse, OwnedTopicPartitions, ShardResult } from "../shard-types.js";
import { topicsViewFrom, type TopicMetadata, type TopicsView } from "../topics-view.js";

/** TEST_GROUP_CONFIG is a coordinator config with short, round timeouts. */
export const TEST_GROUP_CONFIG: GroupConfig = groupConfig({ sessionTimeoutMs: 45_000, heartbeatIntervalMs: 5_000, rebalanceTimeoutMsDefault: 60_000 });

/** topic builds a topic whose id is derived from its name ("orders" -> "id-orders"). */
export function topic(name: string, partitionCount: number): TopicMetadata {
  return { topicId: `id-${name}`, name, partitionCount };
}

/** heartbeat builds a heartbeat request: a join with nothing set, unless overridden. */
export function heartbeat(fields: Partial<HeartbeatRequest> & Pick<HeartbeatRequest, "groupId">): HeartbeatRequest {
  return {
    memberId: "",
    memberEpoch: 0,
    instanceId: undefined,
    rackId: undefined,
    rebalanceTimeoutMs: undefined,
    sessionTimeoutMs: undefined,
    subscription: undefined,
    serverAssignor: undefined,
    ownedPartitions: undefined,
    clientId: "test-client",
    clientHost: "/127.0.0.1",
    ...fields,
  };
}

/** owned lists an assignment as a heartbeat's owned partitions. */
export function owned(assignment: Assignment): OwnedTopicPartitions[] {
  return assignmentToList(assignment).map((entry) => ({ topicId: entry.topicId, topicName: "", partitions: entry.partitions }));
}

/** partitionsOf renders an assignment as sorted "topic-partition" strings with the id prefix removed. */
export function partitionsOf(assignment: Assignment | undefined): string[] {
  if (assignment === undefined) return [];
  return assignmentToList(assignment)
    .flatMap((entry) => entry.partitions.map((partition) => `${entry.topicId.replace(/^id-/, "")}-${partition}`))
    .sort();
}

/**
 * ShardDriver runs a {@link GroupCoordinatorShard} as the runtime would with every write
 * succeeding at once: compute, then replay the records. It keeps every record written, so a test
 * can replay them into a fresh shard and compare.
 */
export class ShardDriver {
  readonly shard: GroupCoordinatorShard;
  readonly log: GroupRecord[] = [];
  topics: TopicsView;
  #nextMemberId = 0;
  #version = 0;

  constructor(topics: readonly TopicMetadata[] = [], config: GroupConfig = TEST_GROUP_CONFIG) {
    this.topics = topicsViewFrom(topics);
    this.shard = new GroupCoordinatorShard({ config, newMemberId: () => `member-${++this.#nextMemberId}` });
  }

  /** setTopics replaces the cluster's topics (a new metadata version). */
  setTopics(topics: readonly TopicMetadata[]): void {
    this.topics = topicsViewFrom(topics, ++this.#version);
  }

  /** apply replays a result's records, as after a successful write, and returns the result. */
  apply<R>(result: ShardResult<R>): ShardResult<R> {
    for (const record of result.records) {
      this.shard.replay(record);
      this.log.push(record);
    }
    return result;
  }

  /** heartbeat computes and applies one heartbeat. */
  heartbeat(request: HeartbeatRequest): ShardResult<HeartbeatResponse> {
    return this.apply(this.shard.handleHeartbeat(request, this.topics));
  }

  /** replayed is a fresh shard that replayed every record written so far. */
  replayed(): GroupCoordinatorShard {
    const copy = new GroupCoordinatorShard({ config: TEST_GROUP_CONFIG });
    for (const record of this.log) copy.replay(record);
    return copy;
  }
}
