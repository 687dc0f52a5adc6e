/** Logger is where a node reports what it does; one line per event. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** SILENT_LOGGER drops everything (for tests and tools). */
export const SILENT_LOGGER: Logger = { info: () => {}, warn: () => {}, error: () => {} };

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
