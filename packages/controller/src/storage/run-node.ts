import type { Logger } from "./console-logger.js";

/**
 * runUntilSignalled wires a started node to the process: SIGTERM and SIGINT stop it once (the
 * node decides what a clean stop means: leadership transfer, controlled shutdown) and exit 0, an
 * unclean stop exits 1. Shared by tributary-controller and tributary-broker.
 */
export function runUntilSignalled(logger: Logger, stop: () => Promise<void>, what: string): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: ${what}`);
    stop().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`unclean stop: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/** exitOnFatal is a node's onFatal: log the error with its stack and exit 70 (EX_SOFTWARE). */
export function exitOnFatal(logger: Logger): (error: unknown) => never {
  return (error) => {
    logger.error(`stopping after a fatal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(70);
  };
}
