import { LogLevel, logLevelLabel, type LogLevelName, type LogLevelValue } from "./log-level.js";

/**
 * LogEntry is what a log creator's writer receives: KafkaJS's shape, so KafkaJS log creators
 * (winston, pino adapters) work unchanged. `log` holds the message and any structured fields.
 */
export interface LogEntry {
  readonly namespace: string;
  readonly level: Exclude<LogLevelValue, 0>;
  readonly label: Exclude<LogLevelName, "NOTHING">;
  readonly log: { readonly timestamp: string; readonly logger: "tributary"; readonly message: string; readonly [field: string]: unknown };
}

/** LogWriter writes one entry. */
export type LogWriter = (entry: LogEntry) => void;

/** LogCreator builds the writer for a client; it is called once, with the client's level. */
export type LogCreator = (logLevel: LogLevelValue) => LogWriter;

/** LogFields are structured fields logged with a message. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * Logger logs under a namespace ("Producer", "Cluster", ...). Entries above the level are dropped
 * before any formatting work, so DEBUG calls cost little when DEBUG is off.
 */
export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  /** namespace returns a logger for a part of the client, sharing this one's writer and level. */
  namespace(name: string): Logger;
  /** setLogLevel changes the level of this logger and every logger derived from the same root. */
  setLogLevel(level: LogLevelValue): void;
}

interface LoggerRoot {
  level: LogLevelValue;
  readonly write: LogWriter;
}

/**
 * createLogger builds a client's root logger. A writer that throws is ignored: logging must
 * never break the code that logs.
 */
export function createLogger(level: LogLevelValue, logCreator: LogCreator): Logger {
  return namedLogger({ level, write: logCreator(level) }, "");
}

function namedLogger(root: LoggerRoot, namespace: string): Logger {
  const log = (level: Exclude<LogLevelValue, 0>, message: string, fields?: LogFields): void => {
    if (level > root.level) return;
    try {
      root.write({
        namespace,
        level,
        label: logLevelLabel(level),
        log: { ...fields, timestamp: new Date().toISOString(), logger: "tributary", message },
      });
    } catch {
      // A broken writer must not break producing or consuming.
    }
  };
  return {
    error: (message, fields) => log(LogLevel.ERROR, message, fields),
    warn: (message, fields) => log(LogLevel.WARN, message, fields),
    info: (message, fields) => log(LogLevel.INFO, message, fields),
    debug: (message, fields) => log(LogLevel.DEBUG, message, fields),
    namespace: (name) => namedLogger(root, namespace === "" ? name : `${namespace}.${name}`),
    setLogLevel: (level) => {
      root.level = level;
    },
  };
}

/** NOOP_LOGGER drops everything; for components built without a client, such as in tests. */
export const NOOP_LOGGER: Logger = createLogger(LogLevel.NOTHING, () => () => undefined);
