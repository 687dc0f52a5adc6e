import { clusterCommand } from "./cluster/cluster-command.js";
import type { Command } from "./command.js";
import { configsCommand } from "./configs/configs-command.js";
import { consumeCommand } from "./consume/consume-command.js";
import { groupsCommand } from "./groups/groups-command.js";
import { perfConsumeCommand } from "./perf/perf-consume-command.js";
import { perfProduceCommand } from "./perf/perf-produce-command.js";
import { produceCommand } from "./produce/produce-command.js";
import { topicsCommand } from "./topics/topics-command.js";

/** COMMANDS are the CLI's commands, in the order `tributary --help` lists them. */
export const COMMANDS: readonly Command[] = [topicsCommand, produceCommand, consumeCommand, groupsCommand, configsCommand, clusterCommand, perfProduceCommand, perfConsumeCommand];
