import type { GroupDescription, GroupLag, ListedGroupEntry, TopicPartitionsEntry } from "../../admin/admin-types.js";
import { printfColumns, widthAtLeast } from "../format/table.js";
import type { PlannedOffset } from "./reset-plan.js";

/** MISSING is what kafka-consumer-groups prints for a value it does not have. */
export const MISSING = "-";

/** LagRow is one row of `kafka-consumer-groups --describe`. */
export interface LagRow {
  readonly group: string;
  readonly topic: string | null;
  readonly partition: number | null;
  readonly currentOffset: bigint | null;
  readonly logEndOffset: bigint | null;
  readonly lag: bigint | null;
  readonly consumerId: string | null;
  readonly host: string | null;
  readonly clientId: string | null;
}

/**
 * lagRows joins a group's members (who owns each partition) with its committed offsets and log
 * ends. Partitions appear when assigned or committed; a member without partitions gets a row of
 * its own with "-" for topic and partition, as in Kafka. Sorted by topic and partition.
 */
export function lagRows(group: GroupDescription, lag: GroupLag): LagRow[] {
  const owners = new Map<string, GroupDescription["members"][number]>();
  for (const member of group.members) {
    for (const entry of member.assignment) for (const partition of entry.partitions) owners.set(`${entry.topic}\u0000${partition}`, member);
  }
  const rows: LagRow[] = [];
  const seen = new Set<string>();
  for (const partition of lag.partitions) {
    const key = `${partition.topic}\u0000${partition.partition}`;
    const owner = owners.get(key);
    if (owner === undefined && partition.committedOffset < 0n) continue;
    seen.add(key);
    rows.push({
      group: group.groupId,
      topic: partition.topic,
      partition: partition.partition,
      currentOffset: partition.committedOffset < 0n ? null : partition.committedOffset,
      logEndOffset: partition.logEndOffset < 0n ? null : partition.logEndOffset,
      lag: partition.lag,
      consumerId: owner?.memberId ?? null,
      host: owner?.clientHost ?? null,
      clientId: owner?.clientId ?? null,
    });
  }
  for (const [key, owner] of owners) {
    if (seen.has(key)) continue;
    const [topic = "", partition = "0"] = key.split("\u0000");
    rows.push({ group: group.groupId, topic, partition: Number(partition), currentOffset: null, logEndOffset: null, lag: null, consumerId: owner.memberId, host: owner.clientHost, clientId: owner.clientId });
  }
  rows.sort((a, b) => (a.topic ?? "").localeCompare(b.topic ?? "") || (a.partition ?? 0) - (b.partition ?? 0));
  for (const member of group.members) {
    if (member.assignment.every((entry) => entry.partitions.length === 0)) {
      rows.push({ group: group.groupId, topic: null, partition: null, currentOffset: null, logEndOffset: null, lag: null, consumerId: member.memberId, host: member.clientHost, clientId: member.clientId });
    }
  }
  return rows;
}

const cell = (value: string | number | bigint | null): string => (value === null ? MISSING : String(value));

/**
 * lagTableLines is kafka-consumer-groups --describe's table: GROUP TOPIC PARTITION
 * CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID, widths as Kafka's printf gives
 * them, after a blank line.
 */
export function lagTableLines(rows: readonly LagRow[]): string[] {
  const cells = rows.map((row) => [row.group, cell(row.topic), cell(row.partition), cell(row.currentOffset), cell(row.logEndOffset), cell(row.lag), cell(row.consumerId), cell(row.host), cell(row.clientId)]);
  const widths = [
    widthAtLeast(15, cells.map((row) => row[0]!)),
    widthAtLeast(15, cells.map((row) => row[1]!)),
    10,
    15,
    15,
    15,
    widthAtLeast(15, cells.map((row) => row[6]!)),
    widthAtLeast(15, cells.map((row) => row[7]!)),
    0,
  ];
  return ["", ...printfColumns(widths, [["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID"], ...cells])];
}

/** assignmentText renders an assignment as Kafka does: "orders(0,1),payments(2)", or "-". */
export function assignmentText(assignment: readonly TopicPartitionsEntry[]): string {
  const parts = assignment.filter((entry) => entry.partitions.length > 0).map((entry) => `${entry.topic}(${[...entry.partitions].sort((a, b) => a - b).join(",")})`);
  return parts.length === 0 ? MISSING : parts.join(",");
}

/** membersTableLines is --describe --members: GROUP CONSUMER-ID HOST CLIENT-ID #PARTITIONS [ASSIGNMENT]. */
export function membersTableLines(group: GroupDescription, verbose: boolean): string[] {
  const cells = group.members.map((member) => {
    const count = member.assignment.reduce((total, entry) => total + entry.partitions.length, 0);
    return [group.groupId, member.memberId, member.clientHost, member.clientId, String(count), ...(verbose ? [assignmentText(member.assignment)] : [])];
  });
  const header = ["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS", ...(verbose ? ["ASSIGNMENT"] : [])];
  const widths = [0, 1, 2, 3].map((column) => widthAtLeast(15, cells.map((row) => row[column]!)));
  return ["", ...printfColumns([...widths, 15, 0], [header, ...cells])];
}

/**
 * stateTableLines is --describe --state: GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE
 * #MEMBERS; the coordinator is "host:port  (id)" as Kafka prints it.
 */
export function stateTableLines(group: GroupDescription, coordinatorAddress: string | undefined): string[] {
  const coordinator = `${coordinatorAddress ?? "unknown"}  (${group.coordinatorId})`;
  const row = [group.groupId, coordinator, group.assignor === "" ? MISSING : group.assignor, group.state, String(group.members.length)];
  const widths = [widthAtLeast(15, [row[0]!]), widthAtLeast(25, [row[1]!]), 20, 20, 0];
  return ["", ...printfColumns(widths, [["GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"], row])];
}

/** listLines is --list: group ids, or with --state a GROUP STATE table. */
export function listLines(groups: readonly ListedGroupEntry[], withState: boolean): string[] {
  if (!withState) return groups.map((group) => group.groupId);
  const width = widthAtLeast(15, groups.map((group) => group.groupId));
  return printfColumns([width, 0], [["GROUP", "STATE"], ...groups.map((group) => [group.groupId, group.state])]);
}

/** resetPlanLines is the reset plan: GROUP TOPIC PARTITION NEW-OFFSET, after a blank line. */
export function resetPlanLines(group: string, offsets: readonly PlannedOffset[]): string[] {
  if (offsets.length === 0) return [];
  const widths = [widthAtLeast(15, [group]), widthAtLeast(15, offsets.map((entry) => entry.topic)), 10, 0];
  return ["", ...printfColumns(widths, [["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"], ...offsets.map((entry) => [group, entry.topic, String(entry.partition), String(entry.offset)])])];
}

/** stateNotice is what Kafka prints on stderr about a group's state before its table, if anything. */
export function stateNotice(group: GroupDescription): string | undefined {
  if (group.state === "Empty") return `Consumer group '${group.groupId}' has no active members.`;
  if (group.state === "Assigning" || group.state === "Reconciling") return `Warning: Consumer group '${group.groupId}' is rebalancing.`;
  return undefined;
}
