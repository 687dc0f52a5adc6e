import type { Admin } from "../../admin/admin.js";
import type { TopicDescription } from "../../admin/admin-types.js";
import { TributaryError } from "../../errors/tributary-error.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { CliError, EXIT_OK } from "../cli-errors.js";
import { writeLines, type CliIo } from "../cli-io.js";
import type { Command } from "../command.js";
import { connectionOptions } from "../connect/connection-options.js";
import { withAdmin, type AdminSession } from "../connect/cli-client.js";
import { jsonBlock } from "../format/table.js";
import { TOPICS_SPEC, topicsAction, type TopicsAction } from "./topics-args.js";
import { describeLines, topicJson, type TopicConfigs } from "./topics-format.js";

/** isUnknownTopic tells whether an SDK error says a topic does not exist. */
export function isUnknownTopic(error: unknown): boolean {
  return error instanceof TributaryError && error.code === "UNKNOWN_TOPIC_OR_PARTITION";
}

/** topicsCommand is `tributary topics`: kafka-topics over the admin client. */
export const topicsCommand: Command = {
  spec: TOPICS_SPEC,
  async run(flags: ParsedFlags, io: CliIo): Promise<number> {
    const action = topicsAction(flags);
    const connection = connectionOptions(flags, io.env);
    const json = flags.boolean("json");
    return withAdmin(connection, io, async (session) => {
      const lines = await runAction(session, action, json, connection.timeoutMs);
      await writeLines(io.stdout, lines);
      return EXIT_OK;
    });
  },
};

async function runAction(session: AdminSession, action: TopicsAction, json: boolean, timeoutMs: number): Promise<string[]> {
  const { admin, within } = session;
  switch (action.kind) {
    case "create": {
      const created = await within(
        `creating topic "${action.topic}"`,
        admin.createTopics({
          topics: [
            {
              topic: action.topic,
              ...(action.partitions === undefined ? {} : { numPartitions: action.partitions }),
              ...(action.replicationFactor === undefined ? {} : { replicationFactor: action.replicationFactor }),
              ...(action.replicaAssignment === undefined ? {} : { replicaAssignment: action.replicaAssignment.map((replicas, partition) => ({ partition, replicas })) }),
              configEntries: [...action.configs].map(([name, value]) => ({ name, value })),
            },
          ],
          timeout: timeoutMs,
        }),
      );
      if (!created && !action.ifNotExists) throw new CliError(`Topic '${action.topic}' already exists.`);
      if (json) return [jsonBlock({ topic: action.topic, created })];
      return created ? [`Created topic ${action.topic}.`] : [];
    }
    case "list": {
      const topics = await within("listing topics", admin.describeTopics([]));
      const names = topics.filter((topic) => !(action.excludeInternal && topic.isInternal)).map((topic) => topic.name).sort();
      return json ? [jsonBlock(names)] : names;
    }
    case "describe": {
      let topics: TopicDescription[];
      try {
        topics = await within("describing topics", admin.describeTopics(action.topic === undefined ? [] : [action.topic]));
      } catch (error) {
        if (action.ifExists && isUnknownTopic(error)) return [];
        throw error;
      }
      topics = topics.filter((topic) => !(action.excludeInternal && topic.isInternal));
      const configs = json || action.filter === "all" ? await within("describing topic configs", topicConfigs(admin, topics)) : new Map<string, TopicConfigs>();
      if (json) return [jsonBlock(topics.map((topic) => topicJson(topic, configs.get(topic.name) ?? [], action.filter)))];
      return describeLines(topics, configs, action.filter);
    }
    case "alter": {
      try {
        await within(`altering topic "${action.topic}"`, admin.createPartitions({ topicPartitions: [{ topic: action.topic, count: action.partitions }], timeout: timeoutMs }));
      } catch (error) {
        if (action.ifExists && isUnknownTopic(error)) return [];
        throw error;
      }
      return json ? [jsonBlock({ topic: action.topic, partitions: action.partitions })] : [`Altered topic ${action.topic}: ${action.partitions} partitions.`];
    }
    case "delete": {
      try {
        await within(`deleting topic "${action.topic}"`, admin.deleteTopics({ topics: [action.topic], timeout: timeoutMs }));
      } catch (error) {
        if (action.ifExists && isUnknownTopic(error)) return [];
        throw error;
      }
      return json ? [jsonBlock({ topic: action.topic, deleted: true })] : [`Deleted topic ${action.topic}.`];
    }
  }
}

/** topicConfigs reads each topic's overrides (configs set on the topic itself), sorted by name. */
async function topicConfigs(admin: Admin, topics: readonly TopicDescription[]): Promise<Map<string, TopicConfigs>> {
  const result = new Map<string, TopicConfigs>();
  if (topics.length === 0) return result;
  const { resources } = await admin.describeConfigs({ resources: topics.map((topic) => ({ type: "topic" as const, name: topic.name })) });
  for (const resource of resources) {
    const overrides = resource.configEntries.filter((entry) => entry.source === "topic").map((entry) => ({ name: entry.name, value: entry.sensitive ? null : entry.value }));
    result.set(resource.name, overrides.sort((a, b) => a.name.localeCompare(b.name)));
  }
  return result;
}
