import { describe, expect, it } from "vitest";
import type { GroupDescription, GroupLag } from "../../admin/admin-types.js";
import { assignmentText, lagRows, lagTableLines, listLines, membersTableLines, resetPlanLines, stateNotice, stateTableLines } from "./groups-format.js";

const MEMBER = {
  memberId: "m-1a2b",
  instanceId: null,
  clientId: "billing-app",
  clientHost: "/10.0.0.7",
  memberEpoch: 4,
  subscribedTopicNames: ["orders"],
  subscribedTopicRegex: null,
  assignment: [{ topic: "orders", partitions: [1, 0] }],
  targetAssignment: [{ topic: "orders", partitions: [0, 1] }],
};

const GROUP: GroupDescription = { groupId: "billing", state: "Stable", assignor: "uniform", groupEpoch: 4, assignmentEpoch: 4, coordinatorId: 101, members: [MEMBER] };

const LAG: GroupLag = {
  groupId: "billing",
  totalLag: 7n,
  partitions: [
    { topic: "orders", partition: 0, committedOffset: 10n, logEndOffset: 15n, lag: 5n },
    { topic: "orders", partition: 1, committedOffset: -1n, logEndOffset: 3n, lag: null },
    { topic: "orders", partition: 2, committedOffset: 8n, logEndOffset: 10n, lag: 2n },
    { topic: "orders", partition: 3, committedOffset: -1n, logEndOffset: 0n, lag: null },
  ],
};

describe("kafka-consumer-groups layouts", () => {
  it("joins owners with offsets: assigned or committed partitions only", () => {
    const rows = lagRows(GROUP, LAG);
    expect(rows.map((row) => [row.partition, row.currentOffset, row.lag, row.consumerId])).toEqual([
      [0, 10n, 5n, "m-1a2b"],
      [1, null, null, "m-1a2b"],
      [2, 8n, 2n, null],
    ]);
  });

  it("prints the LAG table with Kafka's column widths", () => {
    expect(lagTableLines(lagRows(GROUP, LAG))).toEqual([
      "",
      "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID",
      "billing         orders          0          10              15              5               m-1a2b          /10.0.0.7       billing-app",
      "billing         orders          1          -               3               -               m-1a2b          /10.0.0.7       billing-app",
      "billing         orders          2          8               10              2               -               -               -",
    ]);
  });

  it("gives a member without partitions a row of dashes, and widens columns for long names", () => {
    const idle = { ...MEMBER, memberId: "a-very-long-member-identifier", assignment: [] };
    const lines = lagTableLines(lagRows({ ...GROUP, members: [idle] }, { ...LAG, partitions: [] }));
    expect(lines[1]).toBe("GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID                   HOST            CLIENT-ID");
    expect(lines[2]).toBe("billing         -               -          -               -               -               a-very-long-member-identifier /10.0.0.7       billing-app");
  });

  it("prints members, state, lists and reset plans", () => {
    expect(assignmentText(MEMBER.assignment)).toBe("orders(0,1)");
    expect(membersTableLines(GROUP, true)).toEqual([
      "",
      "GROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS     ASSIGNMENT",
      "billing         m-1a2b          /10.0.0.7       billing-app     2               orders(0,1)",
    ]);
    expect(stateTableLines(GROUP, "localhost:9092")).toEqual([
      "",
      "GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE                #MEMBERS",
      "billing         localhost:9092  (101)     uniform              Stable               1",
    ]);
    expect(listLines([{ groupId: "billing", protocolType: "consumer", state: "Stable" }], false)).toEqual(["billing"]);
    expect(listLines([{ groupId: "billing", protocolType: "consumer", state: "Stable" }], true)).toEqual(["GROUP           STATE", "billing         Stable"]);
    expect(resetPlanLines("billing", [{ topic: "orders", partition: 0, offset: 0n }])).toEqual([
      "",
      "GROUP           TOPIC           PARTITION  NEW-OFFSET",
      "billing         orders          0          0",
    ]);
    expect(resetPlanLines("billing", [])).toEqual([]);
  });

  it("notices empty and rebalancing groups", () => {
    expect(stateNotice({ ...GROUP, state: "Empty", members: [] })).toBe("Consumer group 'billing' has no active members.");
    expect(stateNotice({ ...GROUP, state: "Reconciling" })).toBe("Warning: Consumer group 'billing' is rebalancing.");
    expect(stateNotice(GROUP)).toBeUndefined();
  });
});
