import { assignmentOf, intersects, type Assignment } from "./assignment.js";
import type { CurrentAssignmentValue } from "./group-records.js";

/** ReconciliationInput is what moving one member toward its target needs to know. */
export interface ReconciliationInput {
  readonly memberId: string;
  /** The epoch of the target assignment. */
  readonly targetEpoch: number;
  /** The member's target assignment. */
  readonly target: Assignment;
  /** What the member says it owns, or undefined when this heartbeat did not say. */
  readonly owned: Assignment | undefined;
  /** ownerOf tells which member owns a partition right now (assigned or pending revocation). */
  readonly ownerOf: (topicId: string, partition: number) => string | undefined;
}

/**
 * reconcileMember moves a member one step toward its target assignment (Kafka's
 * CurrentAssignmentBuilder, KIP-848 "Assignment reconciliation"):
 * - stable at the target epoch: nothing to do;
 * - stable at an older epoch, or waiting for unreleased partitions: compute the next assignment;
 * - waiting for revocations: nothing until a heartbeat shows the member no longer owns any of the
 *   partitions it was told to give up; then it moves past its epoch and on toward the target.
 *
 * The next assignment keeps what the member has that is still in its target, asks it to revoke
 * what is not (staying at its epoch, in "unrevoked-partitions"), and adds the partitions of its
 * target that no other member owns. Partitions still owned by someone else wait
 * ("unreleased-partitions") and are added by a later heartbeat once released. Hence the KIP-848
 * invariant: a partition is never given to a member while another member owns it.
 */
export function reconcileMember(member: CurrentAssignmentValue, input: ReconciliationInput): CurrentAssignmentValue {
  switch (member.state) {
    case "stable":
      return member.memberEpoch === input.targetEpoch ? member : nextAssignment(member, member.memberEpoch, input);
    case "unrevoked-partitions":
      if (ownsAnyOf(input.owned, member.pendingRevocation)) return member;
      return nextAssignment(member, member.memberEpoch + 1, input);
    case "unreleased-partitions":
      return nextAssignment(member, member.memberEpoch, input);
  }
}

/**
 * ownsAnyOf tells whether a member that reported `owned` still holds one of `partitions`. A
 * heartbeat that did not report what the member owns proves nothing, so it counts as still owning.
 */
export function ownsAnyOf(owned: Assignment | undefined, partitions: Assignment): boolean {
  if (partitions.size === 0) return false;
  return owned === undefined || intersects(owned, partitions);
}

function nextAssignment(member: CurrentAssignmentValue, memberEpoch: number, input: ReconciliationInput): CurrentAssignmentValue {
  const assigned: [string, number[]][] = [];
  const revoke: [string, number[]][] = [];
  let unreleased = false;
  for (const topicId of new Set([...member.assigned.keys(), ...input.target.keys()])) {
    const current = member.assigned.get(topicId);
    const target = input.target.get(topicId);
    const keep: number[] = [];
    const drop: number[] = [];
    for (const partition of current ?? []) (target?.has(partition) === true ? keep : drop).push(partition);
    for (const partition of target ?? []) {
      if (current?.has(partition) === true) continue;
      const owner = input.ownerOf(topicId, partition);
      if (owner === undefined || owner === input.memberId) keep.push(partition);
      else unreleased = true;
    }
    assigned.push([topicId, keep]);
    revoke.push([topicId, drop]);
  }
  const pendingRevocation = assignmentOf(revoke);
  const withEpoch = (epoch: number) => (epoch === member.memberEpoch ? { memberEpoch: epoch, previousMemberEpoch: member.previousMemberEpoch } : { memberEpoch: epoch, previousMemberEpoch: member.memberEpoch });
  if (ownsAnyOf(input.owned, pendingRevocation)) {
    // Revoke first, at the member's current epoch: the new partitions come only after it has let
    // go of these, so two members never consume the same partition.
    return { ...withEpoch(memberEpoch), state: "unrevoked-partitions", assigned: assignmentOf(assigned), pendingRevocation };
  }
  return {
    ...withEpoch(input.targetEpoch),
    state: unreleased ? "unreleased-partitions" : "stable",
    assigned: assignmentOf(assigned),
    pendingRevocation: new Map(),
  };
}
