/** Logger is where the control plane reports what it does; one line per event. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** SILENT_LOGGER drops everything (for tests and tools). */
export const SILENT_LOGGER: Logger = { info: () => {}, warn: () => {}, error: () => {} };
