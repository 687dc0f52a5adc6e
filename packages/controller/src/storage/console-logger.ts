import type { Logger } from "../quorum/controller-node.js";

/**
 * consoleLogger writes one line per event to stderr: time, node, level, message. Plain text, so
 * `npm start` output stays readable when several nodes share one terminal.
 */
export function consoleLogger(node: string): Logger {
  const line = (level: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${node} ${level} ${message}\n`);
  return {
    info: (message) => line("INFO ", message),
    warn: (message) => line("WARN ", message),
    error: (message) => line("ERROR", message),
  };
}
