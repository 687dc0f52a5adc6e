/**
 * tributary-controller: runs one controller of the quorum, or prepares its data directory.
 *
 *   tributary-controller --config FILE                  start (also: `start --config FILE`)
 *   tributary-controller format --config FILE --cluster-id ID
 *   tributary-controller random-uuid                    print a new cluster id
 */
import { parseArgs } from "node:util";
import { loadControllerConfig } from "../config/controller-config.js";
import { consoleLogger } from "../storage/console-logger.js";
import { exitOnFatal, runUntilSignalled } from "../storage/run-node.js";
import { ControllerNode } from "../quorum/controller-node.js";
import { formatDirectory, randomClusterId } from "../storage/meta-properties.js";

const USAGE = `usage:
  tributary-controller [start] --config FILE
  tributary-controller format --config FILE --cluster-id ID
  tributary-controller random-uuid`;

function fail(message: string): never {
  process.stderr.write(`tributary-controller: ${message}\n`);
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
  if (command === "random-uuid") {
    process.stdout.write(`${randomClusterId()}\n`);
    return;
  }
  if (command !== "start" && command !== "format") fail(`unknown command "${command}"\n${USAGE}`);
  const config = await loadControllerConfig(values.config);
  if (command === "format") {
    const clusterId = values["cluster-id"] ?? fail("format needs --cluster-id (make one with `tributary-controller random-uuid`)");
    const formatted = await formatDirectory(config.dataDir, { clusterId, nodeId: config.nodeId });
    process.stdout.write(`${formatted ? "Formatted" : "Already formatted"} ${config.dataDir} for cluster ${clusterId}, node ${config.nodeId}\n`);
    return;
  }
  const logger = consoleLogger(`controller-${config.nodeId}`);
  const node = await ControllerNode.start({ config, logger, onFatal: exitOnFatal(logger) });
  runUntilSignalled(logger, () => node.stop({ transferLeadership: true }), "shutting down");
}

main(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
