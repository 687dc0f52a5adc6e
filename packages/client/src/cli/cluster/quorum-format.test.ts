import { describe, expect, it } from "vitest";
import type { QuorumDescription } from "../../admin/admin-types.js";
import { quorumStatusLines, replicationTableLines, summarizeQuorum } from "./quorum-format.js";

const QUORUM: QuorumDescription = {
  leaderId: 2,
  leaderEpoch: 7,
  highWatermark: 120n,
  voters: [
    { replicaId: 1, logEndOffset: 118n, lastFetchTimestampMs: 1_000_900, lastCaughtUpTimestampMs: 1_000_400, endpoint: "localhost:9191" },
    { replicaId: 2, logEndOffset: 120n, lastFetchTimestampMs: 1_001_000, lastCaughtUpTimestampMs: 1_001_000, endpoint: "localhost:9192" },
    { replicaId: 3, logEndOffset: 120n, lastFetchTimestampMs: 1_000_950, lastCaughtUpTimestampMs: null, endpoint: "localhost:9193" },
  ],
  observers: [],
};

describe("kafka-metadata-quorum layouts", () => {
  it("computes the worst follower lag against the leader", () => {
    expect(summarizeQuorum(QUORUM)).toEqual({ maxFollowerLag: 2n, maxFollowerLagTimeMs: 600 });
    expect(summarizeQuorum({ ...QUORUM, voters: QUORUM.voters.map((voter) => ({ ...voter, logEndOffset: 120n })) })).toEqual({ maxFollowerLag: 0n, maxFollowerLagTimeMs: 0 });
    expect(summarizeQuorum({ ...QUORUM, leaderId: -1 })).toEqual({ maxFollowerLag: -1n, maxFollowerLagTimeMs: -1 });
  });

  it("prints the --status block with labels padded to 24 columns", () => {
    expect(quorumStatusLines("c1", QUORUM)).toEqual([
      "ClusterId:              c1",
      "LeaderId:               2",
      "LeaderEpoch:            7",
      "HighWatermark:          120",
      "MaxFollowerLag:         2",
      "MaxFollowerLagTimeMs:   600",
      'CurrentVoters:          [{"id": 1, "endpoints": ["CONTROLLER://localhost:9191"]}, {"id": 2, "endpoints": ["CONTROLLER://localhost:9192"]}, {"id": 3, "endpoints": ["CONTROLLER://localhost:9193"]}]',
      "CurrentObservers:       []",
    ]);
  });

  it("prints the --replication table leader first, with -1 for unknown times", () => {
    expect(replicationTableLines(QUORUM, false, 0)).toEqual([
      "NodeId\tDirectoryId\tLogEndOffset\tLag\tLastFetchTimestamp\tLastCaughtUpTimestamp\tStatus",
      "2     \t-          \t120         \t0  \t1001000           \t1001000              \tLeader",
      "1     \t-          \t118         \t2  \t1000900           \t1000400              \tFollower",
      "3     \t-          \t120         \t0  \t1000950           \t-1                   \tFollower",
    ]);
    expect(replicationTableLines(QUORUM, true, 1_001_000)[2]).toBe("1     \t-          \t118         \t2  \t100 ms ago        \t600 ms ago           \tFollower");
  });
});
