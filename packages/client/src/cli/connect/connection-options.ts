import { UsageError } from "../cli-errors.js";
import { BOOTSTRAP_SERVER_ENV, DEFAULT_BOOTSTRAP_SERVER, DEFAULT_TIMEOUT_MS } from "../args/flag-spec.js";
import type { ParsedFlags } from "../args/parsed-flags.js";

/** ConnectionOptions say where the cluster is and how long to wait for it. */
export interface ConnectionOptions {
  /** brokers are the bootstrap addresses, "host:port". */
  readonly brokers: readonly string[];
  /** timeoutMs bounds connecting and each admin operation. */
  readonly timeoutMs: number;
  /** timeoutGiven tells whether --timeout-ms was on the command line (consume uses it as its idle timeout). */
  readonly timeoutGiven: boolean;
}

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):(\d{1,5})$/;

/**
 * connectionOptions reads --bootstrap-server (else `fallback`, such as a perf tool's
 * bootstrap.servers property, else $TRIBUTARY_BOOTSTRAP_SERVER, else localhost:9092) and
 * --timeout-ms.
 *
 * @throws UsageError for an address that is not host:port or a timeout that is not positive.
 */
export function connectionOptions(flags: ParsedFlags, env: Readonly<Record<string, string | undefined>>, fallback?: string): ConnectionOptions {
  const raw = flags.string("bootstrap-server") ?? fallback ?? env[BOOTSTRAP_SERVER_ENV] ?? DEFAULT_BOOTSTRAP_SERVER;
  const brokers = raw.split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  if (brokers.length === 0) throw new UsageError("--bootstrap-server needs at least one HOST:PORT");
  for (const broker of brokers) {
    const match = HOST_PORT.exec(broker);
    const port = match === null ? Number.NaN : Number(match[2]);
    if (match === null || port < 1 || port > 65535) throw new UsageError(`--bootstrap-server: "${broker}" is not HOST:PORT`);
  }
  const timeoutMs = flags.integer("timeout-ms", { min: 1 });
  return { brokers, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS, timeoutGiven: timeoutMs !== undefined };
}
