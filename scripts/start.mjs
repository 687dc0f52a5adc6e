#!/usr/bin/env node
// Starts a local Tributary cluster as processes: 3 controllers (and, once brokers exist, the
// brokers), with data under ./data. The first run formats every data directory; later runs reuse
// them. Ctrl-C (or SIGTERM) stops every node cleanly.
//
//   npm start [-- --data-dir DIR] [--controllers N]
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const controllerBin = join(root, "packages/controller/dist/bin/tributary-controller.js");

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: join(root, "data") },
    controllers: { type: "string", default: "3" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm start -- [--data-dir DIR] [--controllers N]");
  process.exit(0);
}
const dataDir = resolve(values["data-dir"]);
const controllerCount = Number(values.controllers);
if (!Number.isInteger(controllerCount) || controllerCount < 1 || controllerCount > 9 || controllerCount % 2 === 0) {
  console.error("--controllers must be an odd number from 1 to 9");
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
      "default.replication.factor=3",
      "min.insync.replicas=2",
      "",
    ].join("\n"),
  );
  await run([controllerBin, "format", "--config", config, "--cluster-id", clusterId]);
  nodes.push({ name: `controller-${i}`, address: `localhost:${9190 + i}`, args: [controllerBin, "--config", config] });
}

console.log(`Tributary cluster ${clusterId}, data in ${dataDir}`);
for (const node of nodes) console.log(`  ${node.name.padEnd(14)} ${node.address}`);
console.log("Brokers are not part of Tributary yet, so there is no bootstrap address to produce to.");
console.log("Ctrl-C stops the cluster.\n");

const children = nodes.map((node) => {
  const child = spawn(process.execPath, node.args, { stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code, signal) => {
    if (!stopping) console.log(`${node.name} exited (${signal ?? code}); stopping the cluster`);
    shutdown();
  });
  return child;
});

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  const timer = setTimeout(() => children.forEach((child) => child.exitCode === null && child.kill("SIGKILL")), 20_000);
  Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((r) => child.once("exit", r))))).then(() => {
    clearTimeout(timer);
    console.log("cluster stopped");
    process.exit(0);
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
