import { ConfigError } from "./config-reader.js";

/** Listener is one `NAME://host:port` entry of a `listeners` property. */
export interface Listener {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

/** parseHostPort parses `host:port` (IPv6 hosts in brackets). */
export function parseHostPort(text: string, context: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]*):(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) throw new ConfigError(`${context}: "${text}" is not host:port`);
  return { host: match[1] ?? "", port };
}

/** parseListeners parses Kafka's `listeners` syntax: `NAME://host:port,NAME2://host:port`. */
export function parseListeners(entries: readonly string[], property: string): Listener[] {
  const listeners = entries.map((entry) => {
    const match = /^([A-Za-z0-9_]+):\/\/(.*)$/.exec(entry);
    if (!match) throw new ConfigError(`${property}: "${entry}" is not NAME://host:port`);
    return { name: (match[1] ?? "").toUpperCase(), ...parseHostPort(match[2] ?? "", property) };
  });
  const names = new Set(listeners.map((listener) => listener.name));
  if (names.size !== listeners.length) throw new ConfigError(`${property}: listener names must be unique`);
  return listeners;
}

/** QuorumVoter is one `id@host:port` entry of `controller.quorum.voters`. */
export interface QuorumVoter {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

/** parseQuorumVoters parses Kafka's `controller.quorum.voters`: `1@host:port,2@host:port,...`. */
export function parseQuorumVoters(entries: readonly string[], property = "controller.quorum.voters"): QuorumVoter[] {
  if (entries.length === 0) throw new ConfigError(`${property} is required (1@host:port,2@host:port,...)`);
  const voters = entries.map((entry) => {
    const match = /^(\d+)@(.+)$/.exec(entry);
    if (!match) throw new ConfigError(`${property}: "${entry}" is not id@host:port`);
    return { nodeId: Number(match[1]), ...parseHostPort(match[2] ?? "", property) };
  });
  if (new Set(voters.map((voter) => voter.nodeId)).size !== voters.length) throw new ConfigError(`${property}: node ids must be unique`);
  return voters;
}
