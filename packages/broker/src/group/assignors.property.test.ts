/**
 * Goal: the server-side assignors are correct, balanced and sticky. Every partition of a subscribed
 * topic goes to exactly one member subscribed to it; "uniform" keeps loads within one when all
 * members subscribe alike and leaves no improving move otherwise; it moves partitions only to a
 * joining member and only away from a leaving one; "range" gives Kafka's per-topic ranges; both
 * are deterministic whatever the member order. Method: fast-check over random groups.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignmentSize, EMPTY_ASSIGNMENT, forEachPartition, hasPartition, type Assignment } from "./assignment.js";
import type { AssignmentMemberSpec, AssignmentSpec, GroupAssignment, PartitionAssignor } from "./partition-assignor.js";
import { RANGE_ASSIGNOR } from "./range-assignor.js";
import { UNIFORM_ASSIGNOR } from "./uniform-assignor.js";

const TOPIC_IDS = ["t0", "t1", "t2", "t3"];

const partitionCounts = fc.tuple(...TOPIC_IDS.map(() => fc.integer({ min: 0, max: 12 }))).map((counts) => new Map(TOPIC_IDS.map((topicId, index) => [topicId, counts[index]!])));

function memberSpec(index: number, topics: readonly string[], currentTarget: Assignment = EMPTY_ASSIGNMENT): AssignmentMemberSpec {
  return { memberId: `m${String(index).padStart(2, "0")}`, instanceId: undefined, rackId: undefined, subscribedTopicIds: new Set(topics), currentTarget };
}

/** A group where each member subscribes to a random non-empty subset of the topics. */
const heterogeneous = fc
  .tuple(partitionCounts, fc.array(fc.subarray(TOPIC_IDS, { minLength: 1 }), { minLength: 1, maxLength: 8 }))
  .map(([counts, subscriptions]): AssignmentSpec => ({ partitionCounts: counts, members: subscriptions.map((topics, index) => memberSpec(index, topics)) }));

/** A group where every member subscribes to the same topics. */
const homogeneous = fc
  .tuple(partitionCounts, fc.subarray(TOPIC_IDS, { minLength: 1 }), fc.integer({ min: 1, max: 9 }))
  .map(([counts, topics, size]): AssignmentSpec => ({
    partitionCounts: new Map([...counts].filter(([topicId]) => topics.includes(topicId))),
    members: Array.from({ length: size }, (_, index) => memberSpec(index, topics)),
  }));

function checkComplete(spec: AssignmentSpec, result: GroupAssignment): void {
  expect([...result.keys()].sort()).toEqual(spec.members.map((member) => member.memberId).sort());
  const owners = new Map<string, string>();
  for (const member of spec.members) {
    forEachPartition(result.get(member.memberId)!, (topicId, partition) => {
      expect(member.subscribedTopicIds.has(topicId), `${member.memberId} got ${topicId} without subscribing`).toBe(true);
      expect(partition).toBeLessThan(spec.partitionCounts.get(topicId)!);
      const key = `${topicId}-${partition}`;
      expect(owners.has(key), `${key} assigned twice`).toBe(false);
      owners.set(key, member.memberId);
    });
  }
  for (const [topicId, count] of spec.partitionCounts) {
    if (!spec.members.some((member) => member.subscribedTopicIds.has(topicId))) continue;
    for (let partition = 0; partition < count; partition++) expect(owners.has(`${topicId}-${partition}`), `${topicId}-${partition} unassigned`).toBe(true);
  }
}

function loads(spec: AssignmentSpec, result: GroupAssignment): number[] {
  return spec.members.map((member) => assignmentSize(result.get(member.memberId)!));
}

function withTargets(spec: AssignmentSpec, result: GroupAssignment): AssignmentSpec {
  return { ...spec, members: spec.members.map((member) => ({ ...member, currentTarget: result.get(member.memberId)! })) };
}

function reversed(spec: AssignmentSpec): AssignmentSpec {
  return { ...spec, members: [...spec.members].reverse() };
}

describe.each<[string, PartitionAssignor]>([
  ["uniform", UNIFORM_ASSIGNOR],
  ["range", RANGE_ASSIGNOR],
])("%s assignor", (_name, assignor) => {
  it("assigns every subscribed partition exactly once, to a subscriber", () => {
    fc.assert(fc.property(heterogeneous, (spec) => {
        checkComplete(spec, assignor.assign(spec));
      }), { numRuns: 300 });
  });

  it("is deterministic whatever the member order", () => {
    fc.assert(fc.property(heterogeneous, (spec) => {
        expect(assignor.assign(reversed(spec))).toEqual(assignor.assign(spec));
      }), { numRuns: 200 });
  });
});

describe("uniform assignor", () => {
  it("keeps loads within one when every member subscribes alike", () => {
    fc.assert(
      fc.property(homogeneous, (spec) => {
        const counts = loads(spec, UNIFORM_ASSIGNOR.assign(spec));
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves no move that would improve the balance when subscriptions differ", () => {
    fc.assert(
      fc.property(heterogeneous, (spec) => {
        const result = UNIFORM_ASSIGNOR.assign(spec);
        for (const donor of spec.members) {
          const donorLoad = assignmentSize(result.get(donor.memberId)!);
          for (const receiver of spec.members) {
            const receiverLoad = assignmentSize(result.get(receiver.memberId)!);
            if (donorLoad - receiverLoad < 2) continue;
            for (const topicId of result.get(donor.memberId)!.keys()) expect(receiver.subscribedTopicIds.has(topicId), `${donor.memberId} could give ${topicId} to ${receiver.memberId}`).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a balanced assignment as it is", () => {
    fc.assert(
      fc.property(heterogeneous, (spec) => {
        const first = UNIFORM_ASSIGNOR.assign(spec);
        expect(UNIFORM_ASSIGNOR.assign(withTargets(spec, first))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it("moves partitions only to a member that joins a balanced group", () => {
    fc.assert(
      fc.property(homogeneous, (spec) => {
        const before = UNIFORM_ASSIGNOR.assign(spec);
        const topics = [...spec.members[0]!.subscribedTopicIds];
        const grown: AssignmentSpec = { ...withTargets(spec, before), members: [...withTargets(spec, before).members, memberSpec(99, topics)] };
        const after = UNIFORM_ASSIGNOR.assign(grown);
        checkComplete(grown, after);
        for (const member of spec.members) {
          // An existing member only loses partitions; it gains none.
          forEachPartition(after.get(member.memberId)!, (topicId, partition) => expect(hasPartition(before.get(member.memberId)!, topicId, partition)).toBe(true));
        }
        const counts = loads(grown, after);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("moves only the partitions of a member that leaves", () => {
    fc.assert(
      fc.property(
        homogeneous.filter((spec) => spec.members.length >= 2),
        fc.nat(),
        (spec, pick) => {
          const before = UNIFORM_ASSIGNOR.assign(spec);
          const leaving = spec.members[pick % spec.members.length]!.memberId;
          const shrunk: AssignmentSpec = { ...spec, members: withTargets(spec, before).members.filter((member) => member.memberId !== leaving) };
          const after = UNIFORM_ASSIGNOR.assign(shrunk);
          checkComplete(shrunk, after);
          for (const member of shrunk.members) {
            // A remaining member keeps everything it had.
            forEachPartition(before.get(member.memberId)!, (topicId, partition) => expect(hasPartition(after.get(member.memberId)!, topicId, partition)).toBe(true));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("range assignor", () => {
  it("gives each topic's subscribers consecutive ranges, the first ones one more", () => {
    const spec: AssignmentSpec = {
      partitionCounts: new Map([
        ["t0", 7],
        ["t1", 2],
      ]),
      members: [memberSpec(2, ["t0", "t1"]), memberSpec(0, ["t0", "t1"]), memberSpec(1, ["t0"])],
    };
    const result = RANGE_ASSIGNOR.assign(spec);
    const listed = (memberId: string) => [...result.get(memberId)!].map(([topicId, partitions]) => `${topicId}:${[...partitions].sort((a, b) => a - b).join(",")}`);
    expect(listed("m00")).toEqual(["t0:0,1,2", "t1:0"]);
    expect(listed("m01")).toEqual(["t0:3,4"]);
    expect(listed("m02")).toEqual(["t0:5,6", "t1:1"]);
  });

  it("orders static members by instance id, so a restarted one gets its range back", () => {
    const first = { ...memberSpec(5, ["t0"]), instanceId: "a" };
    const second = { ...memberSpec(1, ["t0"]), instanceId: "b" };
    const result = RANGE_ASSIGNOR.assign({ partitionCounts: new Map([["t0", 4]]), members: [second, first] });
    expect([...result.get(first.memberId)!.get("t0")!].sort()).toEqual([0, 1]);
  });
});
