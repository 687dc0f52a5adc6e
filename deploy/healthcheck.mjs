#!/usr/bin/env node
// Health check of a Tributary container (HEALTHCHECK in deploy/Dockerfile; also usable by hand:
// `node deploy/healthcheck.mjs [controller|broker] [host:port]`). Exit 0 when healthy, 1 when not,
// with one line saying why.
//
// - A controller is healthy when it answers DescribeCluster and knows an active controller (a
//   quorum leader exists; a lone controller whose peers are down is not healthy).
// - A broker is healthy when it answers Metadata on its inter-broker listener and lists itself
//   among the live brokers (it is registered and unfenced).
// - A container with no role (the CLI) has nothing to check.
//
// The node's own settings say where to call: TRIBUTARY_* variables, over the file PID 1 was given
// with --config, as the node reads them.
import { readFileSync } from "node:fs";
import { credentials } from "@grpc/grpc-js";
import { parseListeners, parseProperties, propertiesFromEnv } from "@tributary/client/internal/config";
import { loadProtos, unaryCall } from "@tributary/client/internal/wire";

const TIMEOUT_MS = 2_000;

/** nodeProperties reads the node's properties: PID 1's --config file, then TRIBUTARY_* over it. */
function nodeProperties() {
  const properties = new Map();
  let argv = [];
  try {
    argv = readFileSync("/proc/1/cmdline", "utf8").split("\0");
  } catch {
    // Not in a container (or no /proc): the environment alone.
  }
  const flag = argv.findIndex((arg) => arg === "--config" || arg === "-c");
  const file = flag >= 0 ? argv[flag + 1] : argv.find((arg) => arg.startsWith("--config="))?.slice("--config=".length);
  if (file) for (const [name, value] of parseProperties(readFileSync(file, "utf8"), file)) properties.set(name, value);
  for (const [name, value] of propertiesFromEnv(process.env)) properties.set(name, value);
  return properties;
}

/** localAddress is where to reach a listener from inside its container. */
function localAddress(listener) {
  const wildcard = ["", "0.0.0.0", "::", "[::]"].includes(listener.host);
  return `${wildcard ? "127.0.0.1" : listener.host}:${listener.port}`;
}

/** listenerOf picks the listener named `name` (or the first) from `listeners`, with a default. */
function listenerOf(properties, fallback, name) {
  const listeners = parseListeners((properties.get("listeners") ?? fallback).split(",").filter((entry) => entry.trim() !== ""), "listeners");
  return listeners.find((listener) => listener.name === name?.toUpperCase()) ?? listeners[0];
}

/** checkController asks a controller to describe the cluster; healthy once it knows a leader. */
async function checkController(address) {
  const client = new (loadProtos().proto.tributary.v1.Controller)(address, credentials.createInsecure());
  try {
    const cluster = await unaryCall(client, "DescribeCluster", {}, TIMEOUT_MS);
    if (cluster.controllerId < 0) return [false, `controller at ${address} answers but knows no active controller`];
    return [true, `controller at ${address} answers; active controller ${cluster.controllerId}`];
  } finally {
    client.close();
  }
}

/** checkBroker asks a broker for metadata; healthy once it lists itself as live. */
async function checkBroker(address, nodeId) {
  const client = new (loadProtos().proto.tributary.v1.Broker)(address, credentials.createInsecure());
  try {
    // One topic nobody has: the answer stays small however many topics the cluster holds.
    const metadata = await unaryCall(client, "Metadata", { topics: ["__healthcheck"] }, TIMEOUT_MS);
    const live = metadata.brokers.map((broker) => broker.nodeId);
    if (nodeId !== undefined && !live.includes(nodeId)) return [false, `broker ${nodeId} at ${address} answers but is not live yet (live: ${live.join(", ") || "none"})`];
    return [true, `${nodeId === undefined ? "a broker" : `broker ${nodeId}`} at ${address} answers; live brokers ${live.join(", ")}`];
  } finally {
    client.close();
  }
}

/** main checks the node this container runs and exits 0 (healthy) or 1. */
async function main() {
  const role = process.argv[2] ?? process.env.TRIBUTARY_ROLE ?? "";
  if (role === "") {
    console.log("no TRIBUTARY_ROLE: no node to check");
    return 0;
  }
  const properties = nodeProperties();
  properties.delete("role");
  properties.delete("cluster.id");
  // Given an address, check whatever node answers there; else this container's node, by its id.
  const address = process.argv[3];
  const nodeIdText = address === undefined ? properties.get("node.id") : undefined;
  const nodeId = nodeIdText === undefined ? undefined : Number(nodeIdText);
  let result;
  if (role === "controller") {
    const listener = listenerOf(properties, "CONTROLLER://0.0.0.0:9191", properties.get("controller.listener.names") ?? "CONTROLLER");
    result = await checkController(address ?? localAddress(listener));
  } else if (role === "broker") {
    const listener = listenerOf(properties, "PLAINTEXT://0.0.0.0:9092", properties.get("inter.broker.listener.name"));
    result = await checkBroker(address ?? localAddress(listener), nodeId);
  } else {
    console.log(`unknown role "${role}"`);
    return 1;
  }
  console.log(result[1]);
  return result[0] ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.log(`unhealthy: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
