import type { QuorumDescription, QuorumReplicaDescription } from "../../admin/admin-types.js";
import { alignedTable } from "../format/table.js";

/** QuorumSummary is what kafka-metadata-quorum derives from the replicas: the worst follower lag. */
export interface QuorumSummary {
  /** maxFollowerLag is the leader's log end offset minus the furthest-behind voter's (-1 without a leader). */
  readonly maxFollowerLag: bigint;
  /** maxFollowerLagTimeMs is how long that voter has been behind (0 when it is the leader, -1 when unknown). */
  readonly maxFollowerLagTimeMs: number;
}

/** leaderOf is the voter that leads the quorum, if it is among the voters. */
export function leaderOf(quorum: QuorumDescription): QuorumReplicaDescription | undefined {
  return quorum.voters.find((voter) => voter.replicaId === quorum.leaderId);
}

/** summarizeQuorum computes MaxFollowerLag and MaxFollowerLagTimeMs as kafka-metadata-quorum does. */
export function summarizeQuorum(quorum: QuorumDescription): QuorumSummary {
  const leader = leaderOf(quorum);
  const behind = quorum.voters.reduce<QuorumReplicaDescription | undefined>((worst, voter) => (worst === undefined || voter.logEndOffset < worst.logEndOffset ? voter : worst), undefined);
  if (leader === undefined || behind === undefined) return { maxFollowerLag: -1n, maxFollowerLagTimeMs: -1 };
  const maxFollowerLag = leader.logEndOffset - behind.logEndOffset;
  if (behind === leader || maxFollowerLag === 0n) return { maxFollowerLag, maxFollowerLagTimeMs: 0 };
  if (leader.lastCaughtUpTimestampMs === null || behind.lastCaughtUpTimestampMs === null) return { maxFollowerLag, maxFollowerLagTimeMs: -1 };
  return { maxFollowerLag, maxFollowerLagTimeMs: leader.lastCaughtUpTimestampMs - behind.lastCaughtUpTimestampMs };
}

/** controllerEndpoint renders a voter's endpoint as Kafka does, "CONTROLLER://host:port". */
export function controllerEndpoint(endpoint: string): string {
  return endpoint === "" || endpoint.includes("://") ? endpoint : `CONTROLLER://${endpoint}`;
}

/** replicaList renders voters or observers as kafka-metadata-quorum's `[{"id": 1, "endpoints": [...]}, ...]`. */
export function replicaList(replicas: readonly QuorumReplicaDescription[]): string {
  const rendered = replicas.map((replica) => {
    const endpoint = controllerEndpoint(replica.endpoint);
    return endpoint === "" ? `{"id": ${replica.replicaId}}` : `{"id": ${replica.replicaId}, "endpoints": ["${endpoint}"]}`;
  });
  return `[${rendered.join(", ")}]`;
}

/** quorumStatusLines is `kafka-metadata-quorum describe --status`: labels padded to 24 columns. */
export function quorumStatusLines(clusterId: string, quorum: QuorumDescription): string[] {
  const summary = summarizeQuorum(quorum);
  const rows: [string, string][] = [
    ["ClusterId", clusterId],
    ["LeaderId", String(quorum.leaderId)],
    ["LeaderEpoch", String(quorum.leaderEpoch)],
    ["HighWatermark", String(quorum.highWatermark)],
    ["MaxFollowerLag", String(summary.maxFollowerLag)],
    ["MaxFollowerLagTimeMs", String(summary.maxFollowerLagTimeMs)],
    ["CurrentVoters", replicaList(quorum.voters)],
    ["CurrentObservers", replicaList(quorum.observers)],
  ];
  return rows.map(([label, value]) => `${`${label}:`.padEnd(24)}${value}`);
}

/** ReplicationRow is one replica of the replication table, leader first. */
export interface ReplicationRow {
  readonly nodeId: number;
  readonly logEndOffset: bigint;
  readonly lag: bigint;
  readonly lastFetchTimestampMs: number | null;
  readonly lastCaughtUpTimestampMs: number | null;
  readonly status: "Leader" | "Follower" | "Observer";
}

/** replicationRows orders replicas as kafka-metadata-quorum does: leader, followers, observers. */
export function replicationRows(quorum: QuorumDescription): ReplicationRow[] {
  const leaderEnd = leaderOf(quorum)?.logEndOffset ?? quorum.highWatermark;
  const row = (replica: QuorumReplicaDescription, status: ReplicationRow["status"]): ReplicationRow => ({
    nodeId: replica.replicaId,
    logEndOffset: replica.logEndOffset,
    lag: leaderEnd - replica.logEndOffset,
    lastFetchTimestampMs: replica.lastFetchTimestampMs,
    lastCaughtUpTimestampMs: replica.lastCaughtUpTimestampMs,
    status,
  });
  return [
    ...quorum.voters.filter((voter) => voter.replicaId === quorum.leaderId).map((voter) => row(voter, "Leader")),
    ...quorum.voters.filter((voter) => voter.replicaId !== quorum.leaderId).map((voter) => row(voter, "Follower")),
    ...quorum.observers.map((observer) => row(observer, "Observer")),
  ];
}

/**
 * replicationTableLines is `kafka-metadata-quorum describe --replication`: NodeId DirectoryId
 * LogEndOffset Lag LastFetchTimestamp LastCaughtUpTimestamp Status, padded and tab-separated.
 * Tributary has no directory ids, so that column shows "-". Unknown timestamps are -1; with
 * `humanReadable` known ones are "N ms ago" relative to `nowMs`.
 */
export function replicationTableLines(quorum: QuorumDescription, humanReadable: boolean, nowMs: number): string[] {
  const time = (timestampMs: number | null): string => {
    if (timestampMs === null) return "-1";
    return humanReadable ? `${Math.max(0, nowMs - timestampMs)} ms ago` : String(timestampMs);
  };
  return alignedTable(
    ["NodeId", "DirectoryId", "LogEndOffset", "Lag", "LastFetchTimestamp", "LastCaughtUpTimestamp", "Status"],
    replicationRows(quorum).map((row) => [String(row.nodeId), "-", String(row.logEndOffset), String(row.lag), time(row.lastFetchTimestampMs), time(row.lastCaughtUpTimestampMs), row.status]),
  );
}
