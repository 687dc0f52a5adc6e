import { describe, expect, it } from "vitest";
import type { TopicDescription } from "../../admin/admin-types.js";
import { describeLines, partitionLine, topicHeaderLine, topicJson } from "./topics-format.js";

const ORDERS: TopicDescription = {
  name: "orders",
  topicId: "xq8hR2dJT4mXc2a6Qj1kTg",
  isInternal: false,
  partitions: [
    { partition: 0, leader: 1, leaderEpoch: 3, replicas: [1, 2, 3], isr: [1, 2, 3], offlineReplicas: [], offline: false, underReplicated: false },
    { partition: 1, leader: 2, leaderEpoch: 0, replicas: [2, 3, 1], isr: [2, 3], offlineReplicas: [], offline: false, underReplicated: true },
    { partition: 2, leader: null, leaderEpoch: 5, replicas: [3, 1, 2], isr: [3], offlineReplicas: [3], offline: true, underReplicated: true },
  ],
};

describe("kafka-topics --describe layout", () => {
  it("prints the topic line with its overrides", () => {
    expect(topicHeaderLine(ORDERS, [{ name: "cleanup.policy", value: "compact" }, { name: "retention.ms", value: "1000" }])).toBe(
      "Topic: orders\tTopicId: xq8hR2dJT4mXc2a6Qj1kTg\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: cleanup.policy=compact,retention.ms=1000",
    );
    expect(topicHeaderLine({ ...ORDERS, partitions: [] }, [])).toBe("Topic: orders\tTopicId: xq8hR2dJT4mXc2a6Qj1kTg\tPartitionCount: 0\tReplicationFactor: 0\tConfigs: ");
  });

  it("prints partition lines with 'none' for a missing leader and offline replicas when any", () => {
    expect(partitionLine("orders", ORDERS.partitions[0]!)).toBe("\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3");
    expect(partitionLine("orders", ORDERS.partitions[2]!)).toBe("\tTopic: orders\tPartition: 2\tLeader: none\tReplicas: 3,1,2\tIsr: 3\tOffline: 3");
  });

  it("prints every partition under its topic, or only the unhealthy ones without the topic line", () => {
    expect(describeLines([ORDERS], new Map(), "all")).toHaveLength(4);
    expect(describeLines([ORDERS], new Map(), "under-replicated")).toEqual([partitionLine("orders", ORDERS.partitions[1]!), partitionLine("orders", ORDERS.partitions[2]!)]);
    expect(describeLines([ORDERS], new Map(), "unavailable")).toEqual([partitionLine("orders", ORDERS.partitions[2]!)]);
  });

  it("renders JSON with the same filter", () => {
    const json = topicJson(ORDERS, [{ name: "retention.ms", value: "1000" }], "unavailable");
    expect(json).toMatchObject({ topic: "orders", partitionCount: 3, replicationFactor: 3, configs: { "retention.ms": "1000" } });
    expect(json.partitions).toEqual([{ partition: 2, leader: null, leaderEpoch: 5, replicas: [3, 1, 2], isr: [3], offlineReplicas: [3] }]);
  });
});
