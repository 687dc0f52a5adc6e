import type { Admin } from "../../admin/admin.js";
import type { GroupDescription } from "../../admin/admin-types.js";
import { TributaryError } from "../../errors/tributary-error.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { CliError, EXIT_OK } from "../cli-errors.js";
import { writeLines, type CliIo } from "../cli-io.js";
import type { Command } from "../command.js";
import { withAdmin, type AdminSession } from "../connect/cli-client.js";
import { connectionOptions } from "../connect/connection-options.js";
import { jsonBlock } from "../format/table.js";
import { GROUPS_SPEC, groupsAction, type GroupsAction, type ResetSpec, type TopicScope } from "./groups-args.js";
import { lagRows, lagTableLines, listLines, membersTableLines, resetPlanLines, stateNotice, stateTableLines } from "./groups-format.js";
import { planReset, type PartitionPosition } from "./reset-plan.js";

/** Output is what a groups action prints: results on stdout, notices on stderr. */
interface Output {
  readonly stdout: string[];
  readonly stderr: string[];
}

/** groupsCommand is `tributary groups`: kafka-consumer-groups over the admin client. */
export const groupsCommand: Command = {
  spec: GROUPS_SPEC,
  async run(flags: ParsedFlags, io: CliIo): Promise<number> {
    const action = groupsAction(flags, Date.now());
    const connection = connectionOptions(flags, io.env);
    const json = flags.boolean("json");
    return withAdmin(connection, io, async (session) => {
      const output = await runAction(session, action, json);
      await writeLines(io.stderr, output.stderr);
      await writeLines(io.stdout, output.stdout);
      return EXIT_OK;
    });
  },
};

async function describeGroup(session: AdminSession, groupId: string): Promise<GroupDescription | undefined> {
  try {
    const { groups } = await session.within(`describing group "${groupId}"`, session.admin.describeGroups([groupId]));
    return groups[0];
  } catch (error) {
    if (error instanceof TributaryError && error.code === "GROUP_ID_NOT_FOUND") return undefined;
    throw error;
  }
}

async function runAction(session: AdminSession, action: GroupsAction, json: boolean): Promise<Output> {
  const { admin, within } = session;
  switch (action.kind) {
    case "list": {
      const { groups } = await within("listing groups", admin.listGroups());
      return { stdout: json ? [jsonBlock(groups)] : listLines(groups, action.withState), stderr: [] };
    }
    case "describe": {
      const group = await describeGroup(session, action.group);
      if (group === undefined || group.state === "Dead") throw new CliError(`Consumer group '${action.group}' does not exist.`);
      if (action.view === "state") {
        const cluster = await within("describing the cluster", admin.describeCluster());
        const coordinator = cluster.brokers.find((broker) => broker.nodeId === group.coordinatorId);
        const address = coordinator === undefined ? undefined : `${coordinator.host}:${coordinator.port}`;
        return { stdout: json ? [jsonBlock({ ...group, coordinator: address ?? null })] : stateTableLines(group, address), stderr: [] };
      }
      const notice = stateNotice(group);
      if (action.view === "members") return { stdout: json ? [jsonBlock(group.members)] : membersTableLines(group, action.verbose), stderr: notice === undefined ? [] : [notice] };
      const committed = await within("fetching committed offsets", admin.fetchOffsets({ groupId: group.groupId }));
      const topics = new Set([...committed.map((entry) => entry.topic), ...group.members.flatMap((member) => member.assignment.map((entry) => entry.topic))]);
      const lag = topics.size === 0 ? { groupId: group.groupId, partitions: [], totalLag: 0n } : await within("fetching lag", admin.fetchGroupLag({ groupId: group.groupId, topics: [...topics].sort() }));
      const rows = lagRows(group, lag);
      return { stdout: json ? [jsonBlock({ group: group.groupId, state: group.state, totalLag: lag.totalLag, partitions: rows })] : lagTableLines(rows), stderr: notice === undefined ? [] : [notice] };
    }
    case "reset":
      return resetOffsets(session, action, json);
    case "delete": {
      await within("deleting groups", admin.deleteGroups(action.groups));
      const names = action.groups.map((group) => `'${group}'`).join(", ");
      return { stdout: json ? [jsonBlock({ deleted: action.groups })] : [`Deletion of requested consumer groups (${names}) was successful.`], stderr: [] };
    }
  }
}

async function resetOffsets(session: AdminSession, action: Extract<GroupsAction, { kind: "reset" }>, json: boolean): Promise<Output> {
  const { admin, within } = session;
  const group = await describeGroup(session, action.group);
  if (group !== undefined && group.members.length > 0) {
    throw new CliError(`Assignments can only be reset if the group '${action.group}' is inactive, but the current state is ${group.state}.`);
  }
  const scopes = await resolveScopes(session, action.group, action.topics);
  const positions = await within("reading offsets", partitionPositions(admin, action.group, scopes, action.spec));
  const plan = planReset(action.spec, positions);
  if (action.execute) {
    for (const scope of scopes) {
      const partitions = plan.offsets.filter((entry) => entry.topic === scope.topic).map((entry) => ({ partition: entry.partition, offset: entry.offset }));
      if (partitions.length > 0) await within(`committing offsets of "${scope.topic}"`, admin.setOffsets({ groupId: action.group, topic: scope.topic, partitions }));
    }
  }
  const stderr = [...plan.warnings];
  if (action.dryRunImplied) stderr.push("WARN: No action will be performed as the --execute option is missing. Add --dry-run to say so, or --execute to reset the offsets.");
  const stdout = json ? [jsonBlock({ group: action.group, executed: action.execute, offsets: plan.offsets })] : resetPlanLines(action.group, plan.offsets);
  return { stdout, stderr };
}

async function resolveScopes(session: AdminSession, groupId: string, topics: readonly TopicScope[] | "all"): Promise<TopicScope[]> {
  if (topics !== "all") return [...topics];
  const committed = await session.within("fetching committed offsets", session.admin.fetchOffsets({ groupId }));
  const scopes = committed.filter((entry) => entry.partitions.some((partition) => partition.offset >= 0n)).map((entry) => ({ topic: entry.topic, partitions: undefined }));
  if (scopes.length === 0) throw new CliError(`Consumer group '${groupId}' has no committed offsets; name the topics with --topic`);
  return scopes;
}

async function partitionPositions(admin: Admin, groupId: string, scopes: readonly TopicScope[], spec: ResetSpec): Promise<PartitionPosition[]> {
  const committed = await admin.fetchOffsets({ groupId, topics: scopes.map((scope) => scope.topic) });
  const positions: PartitionPosition[] = [];
  for (const scope of scopes) {
    const ends = await admin.fetchTopicOffsets(scope.topic);
    const byTime = spec.kind === "timestamp" ? await admin.fetchTopicOffsetsByTimestamp(scope.topic, spec.timestampMs) : [];
    const wanted = scope.partitions ?? ends.map((end) => end.partition);
    for (const partition of wanted) {
      const end = ends.find((entry) => entry.partition === partition);
      if (end === undefined) throw new CliError(`topic "${scope.topic}" has no partition ${partition} (it has ${ends.length})`);
      const offset = committed.find((entry) => entry.topic === scope.topic)?.partitions.find((entry) => entry.partition === partition)?.offset ?? -1n;
      const atTimestamp = byTime.find((entry) => entry.partition === partition)?.offset;
      positions.push({
        topic: scope.topic,
        partition,
        earliest: end.low,
        latest: end.high,
        committed: offset < 0n ? null : offset,
        ...(atTimestamp === undefined ? {} : { atTimestamp }),
      });
    }
  }
  return positions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
