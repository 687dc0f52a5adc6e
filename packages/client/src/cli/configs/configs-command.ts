import type { ParsedFlags } from "../args/parsed-flags.js";
import { EXIT_OK } from "../cli-errors.js";
import { writeLines, type CliIo } from "../cli-io.js";
import type { Command } from "../command.js";
import { withAdmin, type AdminSession } from "../connect/cli-client.js";
import { connectionOptions } from "../connect/connection-options.js";
import { jsonBlock } from "../format/table.js";
import { CONFIGS_SPEC, configsAction, type ConfigEntity } from "./configs-args.js";
import { alteredLine, describeConfigLines, isOverride } from "./configs-format.js";

/** configsCommand is `tributary configs`: kafka-configs for topics and brokers. */
export const configsCommand: Command = {
  spec: CONFIGS_SPEC,
  async run(flags: ParsedFlags, io: CliIo): Promise<number> {
    const action = configsAction(flags);
    const connection = connectionOptions(flags, io.env);
    const json = flags.boolean("json");
    return withAdmin(connection, io, async (session) => {
      const { admin, within } = session;
      if (action.kind === "alter") {
        const { type, name } = action.entity;
        await within(
          `altering configs of ${type} ${name}`,
          admin.alterConfigs({
            resources: [
              {
                type,
                name,
                configEntries: [...[...action.set].map(([entry, value]) => ({ name: entry, value })), ...action.remove.map((entry) => ({ name: entry, operation: "delete" as const }))],
              },
            ],
          }),
        );
        await writeLines(io.stdout, [json ? jsonBlock({ type, name, set: Object.fromEntries(action.set), deleted: action.remove }) : alteredLine(action.entity)]);
        return EXIT_OK;
      }
      const names = await entityNames(session, action.entity);
      const { resources } = names.length === 0 ? { resources: [] } : await within("describing configs", admin.describeConfigs({ resources: names.map((name) => ({ type: action.entity.type, name })) }));
      if (json) {
        const rendered = resources.map((resource) => ({ ...resource, configEntries: resource.configEntries.filter((entry) => action.all || isOverride(entry)) }));
        await writeLines(io.stdout, [jsonBlock(rendered)]);
      } else {
        await writeLines(io.stdout, resources.flatMap((resource) => describeConfigLines(resource, action.all)));
      }
      return EXIT_OK;
    });
  },
};

async function entityNames(session: AdminSession, entity: ConfigEntity): Promise<string[]> {
  if (entity.name !== undefined) return [entity.name];
  if (entity.type === "topic") return (await session.within("listing topics", session.admin.listTopics())).sort();
  return (await session.within("describing the cluster", session.admin.describeCluster())).brokers.map((broker) => String(broker.nodeId));
}
