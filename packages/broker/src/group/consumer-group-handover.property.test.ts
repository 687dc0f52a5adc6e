/**
 * Goal: the KIP-848 hand-over invariant under any interleaving — a partition is never owned by two
 * consumers at once, as the coordinator hands partitions out — and the group still converges.
 * Method: fast-check drives model consumers through joins, heartbeats in any order, leaves, static
 * leaves and returns, session and rebalance timeouts, and topic growth. A consumer takes partitions
 * it is given at once but gives up revoked ones only in a later, separate step (its revocation
 * callback runs for a while), and every heartbeat reports what it owns right then. After every step: the consumers' owned
 * sets are disjoint and each lies within what the coordinator thinks the member owns. At the end,
 * quiet heartbeats make the group Stable with every partition assigned, and a replay of the
 * records gives the same group.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TributaryError } from "@tributary/client/internal/errors";
import { assignmentOf, assignmentUnion, EMPTY_ASSIGNMENT, forEachPartition, isSubset, type Assignment } from "./assignment.js";
import { heartbeat, owned, ShardDriver, topic } from "./testing/group-test-kit.js";

const GROUP = "model";

/** ModelConsumer is a client as KIP-848 describes it, with revocation that takes time. */
interface ModelConsumer {
  readonly instanceId: string | undefined;
  memberId: string;
  epoch: number;
  owns: Assignment;
  /** The last assignment received: `owns` shrinks to it when the revocation step runs. */
  target: Assignment;
  /** Whether the process runs; a stopped consumer owns nothing and sends nothing. */
  running: boolean;
}

type Command =
  | { readonly kind: "start"; readonly isStatic: boolean }
  | { readonly kind: "heartbeat"; readonly index: number }
  | { readonly kind: "revoke"; readonly index: number }
  | { readonly kind: "leave"; readonly index: number }
  | { readonly kind: "session-timeout"; readonly index: number }
  | { readonly kind: "rebalance-timeout"; readonly index: number }
  | { readonly kind: "grow"; readonly partitions: number };

const commands = fc.array(
  fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant("start" as const), isStatic: fc.boolean() }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("heartbeat" as const), index: fc.nat(5) }), weight: 10 },
    { arbitrary: fc.record({ kind: fc.constant("revoke" as const), index: fc.nat(5) }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant("leave" as const), index: fc.nat(5) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("session-timeout" as const), index: fc.nat(5) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("rebalance-timeout" as const), index: fc.nat(5) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("grow" as const), partitions: fc.integer({ min: 1, max: 3 }) }), weight: 1 },
  ),
  { minLength: 1, maxLength: 60 },
);

function run(script: readonly Command[], assignor: "uniform" | "range"): void {
  let ordersPartitions = 3;
  const driver = new ShardDriver([topic("orders", ordersPartitions), topic("audit", 2)]);
  const consumers: ModelConsumer[] = [];
  let instances = 0;

  const drop = (consumer: ModelConsumer) => {
    consumer.owns = EMPTY_ASSIGNMENT;
    consumer.target = EMPTY_ASSIGNMENT;
    consumer.epoch = 0;
  };

  const revoke = (consumer: ModelConsumer) => {
    consumer.owns = assignmentOf([...consumer.owns].map(([topicId, partitions]) => [topicId, [...partitions].filter((partition) => consumer.target.get(topicId)?.has(partition) === true)] as const));
  };

  const send = (consumer: ModelConsumer) => {
    const joining = consumer.epoch === 0;
    try {
      const { response } = driver.heartbeat(
        heartbeat({
          groupId: GROUP,
          memberId: consumer.memberId,
          memberEpoch: consumer.epoch,
          instanceId: consumer.instanceId,
          serverAssignor: assignor,
          subscription: joining ? { topicNames: ["orders", "audit"], topicRegex: undefined } : undefined,
          ownedPartitions: owned(consumer.owns),
        }),
      );
      consumer.memberId = response.memberId;
      consumer.epoch = response.memberEpoch;
      if (response.assignment !== undefined) {
        // New partitions are taken at once; revoked ones are held until the revocation step.
        consumer.target = response.assignment;
        consumer.owns = assignmentUnion(consumer.owns, response.assignment);
      }
    } catch (error) {
      if (!(error instanceof TributaryError)) throw error;
      // Fenced or forgotten: the consumer drops everything and rejoins with epoch 0.
      expect(["FENCED_MEMBER_EPOCH", "UNKNOWN_MEMBER_ID", "UNRELEASED_INSTANCE_ID", "FENCED_INSTANCE_ID"]).toContain(error.code);
      drop(consumer);
      if (error.code === "FENCED_INSTANCE_ID") consumer.running = false;
    }
  };

  const expire = (consumer: ModelConsumer, result: { response: boolean }) => {
    // The coordinator removed the member; the consumer lost its session too and drops everything.
    if (result.response) {
      drop(consumer);
      consumer.memberId = "";
    }
  };

  const checkSafety = () => {
    const group = driver.shard.group(GROUP);
    const seen = new Map<string, string>();
    for (const consumer of consumers) {
      forEachPartition(consumer.owns, (topicId, partition) => {
        const key = `${topicId}-${partition}`;
        expect(seen.get(key), `${key} owned twice`).toBeUndefined();
        seen.set(key, consumer.memberId);
      });
      if (consumer.owns.size === 0) continue;
      const member = group?.members.get(consumer.memberId);
      expect(member, `consumer ${consumer.memberId} owns partitions but is not a member`).toBeDefined();
      expect(isSubset(consumer.owns, assignmentUnion(member!.assigned, member!.pendingRevocation))).toBe(true);
    }
  };

  for (const command of script) {
    const consumer = "index" in command ? consumers[command.index % Math.max(1, consumers.length)] : undefined;
    switch (command.kind) {
      case "start": {
        const fresh: ModelConsumer = {
          instanceId: command.isStatic ? `instance-${++instances}` : undefined,
          memberId: "",
          epoch: 0,
          owns: EMPTY_ASSIGNMENT,
          target: EMPTY_ASSIGNMENT,
          running: true,
        };
        consumers.push(fresh);
        send(fresh);
        break;
      }
      case "heartbeat":
        if (consumer?.running === true) send(consumer);
        break;
      case "revoke":
        if (consumer?.running === true) revoke(consumer);
        break;
      case "leave":
        if (consumer?.running === true && consumer.memberId !== "") {
          // A static consumer stops for a while (-2) and comes back later as a new process.
          const epoch = consumer.instanceId === undefined ? -1 : -2;
          driver.heartbeat(heartbeat({ groupId: GROUP, memberId: consumer.memberId, memberEpoch: epoch, instanceId: consumer.instanceId }));
          drop(consumer);
          consumer.memberId = "";
        }
        break;
      case "session-timeout":
        if (consumer !== undefined && consumer.memberId !== "") expire(consumer, driver.apply(driver.shard.handleSessionTimeout(GROUP, consumer.memberId, driver.topics)));
        break;
      case "rebalance-timeout": {
        const member = consumer === undefined ? undefined : driver.shard.group(GROUP)?.members.get(consumer.memberId);
        if (consumer !== undefined && member !== undefined) expire(consumer, driver.apply(driver.shard.handleRebalanceTimeout(GROUP, consumer.memberId, member.memberEpoch, driver.topics)));
        break;
      }
      case "grow":
        ordersPartitions = Math.min(12, ordersPartitions + command.partitions);
        driver.setTopics([topic("orders", ordersPartitions), topic("audit", 2)]);
        break;
    }
    checkSafety();
  }

  // Quiet rounds: every running consumer heartbeats until nothing changes.
  for (let round = 0; round < 8; round++) {
    for (const consumer of consumers) {
      if (!consumer.running) continue;
      revoke(consumer);
      send(consumer);
      checkSafety();
    }
  }
  const group = driver.shard.group(GROUP);
  if (group !== undefined && group.members.size > 0 && consumers.some((consumer) => consumer.running && consumer.epoch > 0)) {
    const live = consumers.filter((consumer) => consumer.running && group.members.has(consumer.memberId));
    if (live.length === group.members.size) {
      expect(group.state()).toBe("Stable");
      let total = 0;
      for (const consumer of live) forEachPartition(consumer.owns, () => total++);
      expect(total).toBe(ordersPartitions + 2);
    }
  }
  const copy = driver.replayed();
  expect(copy.describeGroup(GROUP)).toEqual(driver.shard.describeGroup(GROUP));
}

describe("incremental hand-over", () => {
  it("never gives a partition to two consumers at once (uniform)", () => {
    fc.assert(fc.property(commands, (script) => run(script, "uniform")), { numRuns: 300 });
  });

  it("never gives a partition to two consumers at once (range)", () => {
    fc.assert(fc.property(commands, (script) => run(script, "range")), { numRuns: 200 });
  });
});
