/**
 * tributary-broker: runs one broker, or prepares its log directories.
 *
 *   tributary-broker --config FILE                  start (also: `start --config FILE`)
 *   tributary-broker format --config FILE --cluster-id ID
 */
import { parseArgs } from "node:util";
import { consoleLogger, exitOnFatal, formatDirectory, runUntilSignalled } from "@tributary/controller/internal/node";
import { loadBrokerConfig } from "../config/broker-config.js";
import { BrokerNode } from "../broker-node.js";

const USAGE = `usage:
  tributary-broker [start] --config FILE
  tributary-broker format --config FILE --cluster-id ID`;

function fail(message: string): never {
  process.stderr.write(`tributary-broker: ${message}\n`);
  process.exit(1);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: "string", short: "c" }, "cluster-id": { type: "string", short: "t" }, help: { type: "boolean", short: "h" } },
  });
  const command = positionals[0] ?? "start";
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command !== "start" && command !== "format") fail(`unknown command "${command}"\n${USAGE}`);
  const config = await loadBrokerConfig(values.config);
  if (command === "format") {
    const clusterId = values["cluster-id"] ?? fail("format needs --cluster-id (the controllers' cluster id)");
    for (const dir of config.logDirs) {
      const formatted = await formatDirectory(dir, { clusterId, nodeId: config.nodeId });
      process.stdout.write(`${formatted ? "Formatted" : "Already formatted"} ${dir} for cluster ${clusterId}, node ${config.nodeId}\n`);
    }
    return;
  }
  const logger = consoleLogger(`broker-${config.nodeId}`);
  const node = await BrokerNode.start({ config, logger, onFatal: exitOnFatal(logger) });
  runUntilSignalled(logger, () => node.stop({ controlled: true }), "controlled shutdown");
}

main(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
