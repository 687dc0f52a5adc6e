/**
 * tributary-broker: runs one broker, or prepares its log directories.
 *
 *   tributary-broker --config FILE                  start (also: `start --config FILE`)
 *   tributary-broker format --config FILE --cluster-id ID
 */
import { parseArgs } from "node:util";
import { consoleLogger, formatDirectory } from "@tributary/controller/internal/node";
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
  let stopping = false;
  const node = await BrokerNode.start({
    config,
    logger,
    onFatal: (error) => {
      logger.error(`stopping after a fatal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(70);
    },
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: controlled shutdown`);
    node.stop({ controlled: true }).then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`unclean stop: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
