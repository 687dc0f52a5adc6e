import type { ParsedFlags } from "../args/parsed-flags.js";
import { EXIT_OK } from "../cli-errors.js";
import { writeLines, type CliIo } from "../cli-io.js";
import type { Command } from "../command.js";
import { withAdmin } from "../connect/cli-client.js";
import { connectionOptions } from "../connect/connection-options.js";
import { jsonBlock } from "../format/table.js";
import { brokerLines } from "./brokers-format.js";
import { CLUSTER_SPEC, clusterAction } from "./cluster-args.js";
import { controllerEndpoint, quorumStatusLines, replicationRows, replicationTableLines, summarizeQuorum } from "./quorum-format.js";

/** clusterCommand is `tributary cluster`: brokers, quorum status and quorum replication. */
export const clusterCommand: Command = {
  spec: CLUSTER_SPEC,
  async run(flags: ParsedFlags, io: CliIo): Promise<number> {
    const action = clusterAction(flags);
    const connection = connectionOptions(flags, io.env);
    const json = flags.boolean("json");
    return withAdmin(connection, io, async ({ admin, within }) => {
      const cluster = await within("describing the cluster", admin.describeCluster());
      const quorum = action.status || action.replication ? await within("describing the controller quorum", admin.describeQuorum()) : undefined;
      if (json) {
        const summary = quorum === undefined ? undefined : summarizeQuorum(quorum);
        await writeLines(io.stdout, [
          jsonBlock({
            clusterId: cluster.clusterId,
            controller: cluster.controller,
            ...(action.brokers ? { brokers: cluster.brokers, controllers: cluster.controllers } : {}),
            ...(quorum === undefined || summary === undefined
              ? {}
              : {
                  quorum: {
                    leaderId: quorum.leaderId,
                    leaderEpoch: quorum.leaderEpoch,
                    highWatermark: quorum.highWatermark,
                    maxFollowerLag: summary.maxFollowerLag,
                    maxFollowerLagTimeMs: summary.maxFollowerLagTimeMs,
                    replicas: replicationRows(quorum).map((row) => ({
                      ...row,
                      endpoint: controllerEndpoint([...quorum.voters, ...quorum.observers].find((replica) => replica.replicaId === row.nodeId)?.endpoint ?? ""),
                    })),
                  },
                }),
          }),
        ]);
        return EXIT_OK;
      }
      const sections: string[][] = [];
      if (action.brokers) sections.push(brokerLines(cluster));
      if (action.status && quorum !== undefined) sections.push(quorumStatusLines(cluster.clusterId, quorum));
      if (action.replication && quorum !== undefined) sections.push(replicationTableLines(quorum, action.humanReadable, Date.now()));
      await writeLines(io.stdout, sections.flatMap((section, index) => (index === 0 ? section : ["", ...section])));
      return EXIT_OK;
    });
  },
};
