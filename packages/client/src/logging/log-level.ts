/**
 * LogLevel is how much the SDK logs, with KafkaJS's names and values so a `logLevel` from a
 * KafkaJS config means the same here. Each level includes the ones below it.
 */
export const LogLevel = {
  NOTHING: 0,
  ERROR: 1,
  WARN: 2,
  INFO: 4,
  DEBUG: 5,
} as const;

/** LogLevelValue is one of the {@link LogLevel} values. */
export type LogLevelValue = (typeof LogLevel)[keyof typeof LogLevel];

/** LogLevelName is one of the {@link LogLevel} names. */
export type LogLevelName = keyof typeof LogLevel;

/** LOG_LEVEL_ENV is the environment variable that overrides the configured level, by name. */
export const LOG_LEVEL_ENV = "TRIBUTARY_LOG_LEVEL";

/** logLevelLabel is the name printed with an entry of `level`. */
export function logLevelLabel(level: Exclude<LogLevelValue, 0>): Exclude<LogLevelName, "NOTHING"> {
  switch (level) {
    case LogLevel.ERROR:
      return "ERROR";
    case LogLevel.WARN:
      return "WARN";
    case LogLevel.INFO:
      return "INFO";
    case LogLevel.DEBUG:
      return "DEBUG";
  }
}

/**
 * logLevelFromEnv reads {@link LOG_LEVEL_ENV} (a level name, any case), so operators can turn on
 * DEBUG in a container without a code change. Unknown names are ignored.
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevelValue | undefined {
  const name = env[LOG_LEVEL_ENV]?.trim().toUpperCase();
  if (name === undefined || !Object.prototype.hasOwnProperty.call(LogLevel, name)) return undefined;
  return LogLevel[name as LogLevelName];
}
