import type { Admin } from "../../admin/admin.js";
import type { Producer } from "../../producer/producer.js";
import type { ProducerOptions } from "../../producer/producer-options.js";
import { TributaryError } from "../../errors/tributary-error.js";
import { LogLevel } from "../../logging/log-level.js";
import type { LogCreator } from "../../logging/logger.js";
import { Tributary } from "../../tributary.js";
import { CliError, UsageError, errorLine } from "../cli-errors.js";
import type { CliIo } from "../cli-io.js";
import type { ConnectionOptions } from "./connection-options.js";
import { withDeadline } from "./deadline.js";

/** CLI_CLIENT_ID names the CLI in broker logs and group descriptions. */
export const CLI_CLIENT_ID = "tributary-cli";

const DISCONNECT_WAIT_MS = 5_000;

/**
 * CLI_RETRY retries quickly and often: a command's deadline (--timeout-ms), not a retry count,
 * decides when to give up, so a controller election or leader move within it goes unnoticed.
 */
const CLI_RETRY = { retries: 7, initialRetryTimeMs: 100, maxRetryTimeMs: 1_000, multiplier: 2, factor: 0.2 };

/** stderrLogCreator writes SDK log entries as JSON lines on the CLI's stderr, never its stdout. */
export function stderrLogCreator(io: CliIo): LogCreator {
  return () => (entry) => {
    io.stderr.write(JSON.stringify({ level: entry.label, namespace: entry.namespace, ...entry.log }, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)) + "\n");
  };
}

/**
 * createClient makes the SDK client for a command. The SDK logs nothing unless
 * TRIBUTARY_LOG_LEVEL asks for it, and then to stderr.
 */
export function createClient(connection: ConnectionOptions, io: CliIo, clientId = CLI_CLIENT_ID): Tributary {
  return new Tributary({
    brokers: connection.brokers,
    clientId,
    logLevel: LogLevel.NOTHING,
    logCreator: stderrLogCreator(io),
    connectionTimeoutMs: Math.min(3_000, connection.timeoutMs),
    retry: CLI_RETRY,
  });
}

/** unreachable is the message for a cluster that did not answer (in time, when `timeoutMs` is given). */
export function unreachable(connection: ConnectionOptions, timeoutMs?: number): string {
  const within = timeoutMs === undefined ? "" : ` within ${timeoutMs} ms`;
  return `could not connect to the cluster at ${connection.brokers.join(",")}${within}; is it running? (set --bootstrap-server, or --timeout-ms to wait longer)`;
}

/**
 * connectWithin runs `connect` under the connection deadline; any failure becomes one CliError
 * naming the bootstrap servers.
 */
export async function connectWithin(connection: ConnectionOptions, connect: () => Promise<void>): Promise<void> {
  try {
    await withDeadline(connect(), connection.timeoutMs, () => unreachable(connection, connection.timeoutMs));
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof TributaryError && error.code === "NETWORK_EXCEPTION") throw new CliError(unreachable(connection));
    throw new CliError(`could not connect to the cluster at ${connection.brokers.join(",")}: ${errorLine(error).replace(/^Error: /, "")}`);
  }
}

/** disconnectQuietly closes a client, waiting at most a few seconds and ignoring its errors. */
export async function disconnectQuietly(disconnect: () => Promise<void>): Promise<void> {
  await withDeadline(disconnect(), DISCONNECT_WAIT_MS, () => "disconnect timed out").catch(() => undefined);
}

/**
 * withAdmin connects an admin client within the deadline, runs `body` (each step of which should
 * use {@link AdminSession.within}), and always disconnects.
 */
export async function withAdmin<T>(connection: ConnectionOptions, io: CliIo, body: (session: AdminSession) => Promise<T>): Promise<T> {
  const admin = createClient(connection, io).admin();
  try {
    await connectWithin(connection, () => admin.connect());
  } catch (error) {
    // The SDK's disconnect waits for a connect in progress to finish its retries; a command
    // that gave up on the cluster does not wait for that.
    void admin.disconnect().catch(() => undefined);
    throw error;
  }
  try {
    return await body({ admin, within: (what, promise) => withDeadline(promise, connection.timeoutMs, () => `${what} did not complete within ${connection.timeoutMs} ms (raise --timeout-ms to wait longer)`) });
  } finally {
    await disconnectQuietly(() => admin.disconnect());
  }
}

/** AdminSession is a connected admin client and the deadline every step runs under. */
export interface AdminSession {
  readonly admin: Admin;
  /** within bounds one step by --timeout-ms; `what` names it in the timeout message. */
  within<T>(what: string, promise: Promise<T>): Promise<T>;
}

/**
 * withProducer creates a producer (a producer option the SDK refuses is a usage error), connects
 * it within the connection's deadline, runs `body`, and disconnects it whatever happens.
 */
export async function withProducer<T>(
  connection: ConnectionOptions,
  io: CliIo,
  producer: { readonly clientId?: string | undefined; readonly options: ProducerOptions },
  body: (producer: Producer) => Promise<T>,
): Promise<T> {
  let created: Producer;
  try {
    created = createClient(connection, io, producer.clientId ?? CLI_CLIENT_ID).producer(producer.options);
  } catch (error) {
    if (error instanceof TributaryError && error.code === "INVALID_CONFIG") throw new UsageError(error.message);
    throw error;
  }
  try {
    await connectWithin(connection, () => created.connect());
  } catch (error) {
    void created.disconnect().catch(() => undefined);
    throw error;
  }
  try {
    return await body(created);
  } finally {
    await disconnectQuietly(() => created.disconnect());
  }
}
