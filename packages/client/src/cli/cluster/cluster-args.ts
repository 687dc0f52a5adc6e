import { CONNECTION_FLAGS, JSON_FLAG, type CommandSpec } from "../args/flag-spec.js";
import type { ParsedFlags } from "../args/parsed-flags.js";

/** CLUSTER_SPEC describes `tributary cluster`: brokers, and the quorum as kafka-metadata-quorum shows it. */
export const CLUSTER_SPEC: CommandSpec = {
  name: "cluster",
  summary: "Describe brokers and the controller quorum (kafka-metadata-quorum describe).",
  usage: ["cluster [--brokers] [--status] [--replication [--human-readable]] [--json]"],
  flags: {
    brokers: { type: "boolean", description: "the brokers: address, rack, state, epoch" },
    status: { type: "boolean", description: "the quorum's status block (kafka-metadata-quorum describe --status)" },
    replication: { type: "boolean", description: "the quorum's replication table (kafka-metadata-quorum describe --replication)" },
    "human-readable": { type: "boolean", description: "replication timestamps as 'N ms ago'" },
    ...JSON_FLAG,
    ...CONNECTION_FLAGS,
  },
  examples: ["tributary cluster", "tributary cluster --status", "tributary cluster --replication --human-readable"],
};

/** ClusterAction says which parts of the cluster to describe. */
export interface ClusterAction {
  readonly brokers: boolean;
  readonly status: boolean;
  readonly replication: boolean;
  readonly humanReadable: boolean;
}

/** clusterAction reads which sections were asked for; none means all three. */
export function clusterAction(flags: ParsedFlags): ClusterAction {
  flags.noPositionals();
  const any = flags.boolean("brokers") || flags.boolean("status") || flags.boolean("replication");
  flags.rejectUnless(["human-readable"], !any || flags.boolean("replication"), "with --replication (or with no section flag)");
  return {
    brokers: !any || flags.boolean("brokers"),
    status: !any || flags.boolean("status"),
    replication: !any || flags.boolean("replication"),
    humanReadable: flags.boolean("human-readable"),
  };
}
