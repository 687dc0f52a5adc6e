#!/usr/bin/env node
// Starts a local Tributary cluster as processes: 3 controllers and 3 brokers, with data under
// ./data. The first run formats every data directory; later runs reuse them. Ctrl-C (or SIGTERM)
// stops every node cleanly: brokers first (controlled shutdown), then the controllers.
//
//   npm start [-- --data-dir DIR] [--controllers N] [--brokers N]
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const controllerBin = join(root, "packages/controller/dist/bin/tributary-controller.js");
const brokerBin = join(root, "packages/broker/dist/bin/tributary-broker.js");

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: join(root, "data") },
    controllers: { type: "string", default: "3" },
    brokers: { type: "string", default: "3" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm start -- [--data-dir DIR] [--controllers N] [--brokers N]");
  process.exit(0);
}
const dataDir = resolve(values["data-dir"]);
const controllerCount = Number(values.controllers);
if (!Number.isInteger(controllerCount) || controllerCount < 1 || controllerCount > 9 || controllerCount % 2 === 0) {
  console.error("--controllers must be an odd number from 1 to 9");
  process.exit(2);
}
const brokerCount = Number(values.brokers);
if (!Number.isInteger(brokerCount) || brokerCount < 1 || brokerCount > 9) {
  console.error("--brokers must be a number from 1 to 9");
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });

function run(args) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolveRun(output.trim()) : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

const clusterIdFile = join(dataDir, "cluster.id");
const clusterId = existsSync(clusterIdFile) ? readFileSync(clusterIdFile, "utf8").trim() : await run([controllerBin, "random-uuid"]);
writeFileSync(clusterIdFile, `${clusterId}\n`);

const voters = Array.from({ length: controllerCount }, (_, i) => `${i + 1}@localhost:${9191 + i}`).join(",");
const nodes = [];
for (let i = 1; i <= controllerCount; i++) {
  const config = join(dataDir, `controller-${i}.properties`);
  writeFileSync(
    config,
    [
      "# Written by npm start; edit scripts/start.mjs instead.",
      "process.roles=controller",
      `node.id=${i}`,
      `listeners=CONTROLLER://localhost:${9190 + i}`,
      `controller.quorum.voters=${voters}`,
      `metadata.log.dir=${join(dataDir, `controller-${i}`)}`,
      `default.replication.factor=${Math.min(3, brokerCount)}`,
      `min.insync.replicas=${brokerCount >= 3 ? 2 : 1}`,
      "",
    ].join("\n"),
  );
  await run([controllerBin, "format", "--config", config, "--cluster-id", clusterId]);
  nodes.push({ name: `controller-${i}`, address: `localhost:${9190 + i}`, args: [controllerBin, "--config", config] });
}

const brokers = [];
for (let i = 0; i < brokerCount; i++) {
  const id = 101 + i;
  const port = 9092 + i;
  const config = join(dataDir, `broker-${id}.properties`);
  writeFileSync(
    config,
    [
      "# Written by npm start; edit scripts/start.mjs instead.",
      "process.roles=broker",
      `node.id=${id}`,
      `listeners=PLAINTEXT://localhost:${port}`,
      `controller.quorum.voters=${voters}`,
      `log.dirs=${join(dataDir, `broker-${id}`)}`,
      `min.insync.replicas=${brokerCount >= 3 ? 2 : 1}`,
      "",
    ].join("\n"),
  );
  await run([brokerBin, "format", "--config", config, "--cluster-id", clusterId]);
  brokers.push({ name: `broker-${id}`, address: `localhost:${port}`, args: [brokerBin, "--config", config] });
}

console.log(`Tributary cluster ${clusterId}, data in ${dataDir}`);
for (const node of [...nodes, ...brokers]) console.log(`  ${node.name.padEnd(14)} ${node.address}`);
console.log(`Bootstrap address: ${brokers[0].address}`);
console.log("Ctrl-C stops the cluster.\n");

// Nodes run in their own process groups, so a Ctrl-C reaches this script only and the nodes stop
// in order: brokers first (they need the controllers for a controlled shutdown), then controllers.
const start = (node) => {
  const child = spawn(process.execPath, node.args, { stdio: ["ignore", "inherit", "inherit"], detached: true });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.log(`${node.name} exited (${signal ?? code}); stopping the cluster`);
      void shutdown();
    }
  });
  return child;
};
const controllerChildren = nodes.map(start);
const brokerChildren = brokers.map(start);

function stopAll(children) {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  const timer = setTimeout(() => children.forEach((child) => child.exitCode === null && child.kill("SIGKILL")), 30_000);
  return Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => child.once("exit", r))))).then(() =>
    clearTimeout(timer),
  );
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await stopAll(brokerChildren);
  await stopAll(controllerChildren);
  console.log("cluster stopped");
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
