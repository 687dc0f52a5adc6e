import { TributaryError } from "../errors/tributary-error.js";
import { TributaryRetriesExceededError } from "../retry/retries-exceeded-error.js";

/** EXIT_OK is the exit code of a command that did what it was asked. */
export const EXIT_OK = 0;
/** EXIT_RUNTIME_ERROR is the exit code when the cluster or the data refused what was asked. */
export const EXIT_RUNTIME_ERROR = 1;
/** EXIT_USAGE_ERROR is the exit code of a command line that could not be understood. */
export const EXIT_USAGE_ERROR = 2;

/**
 * UsageError is a command line the CLI cannot run: an unknown flag, a missing value, a
 * contradiction. It exits 2; the message names the flag and, where useful, the command's --help.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * CliError is a runtime failure the CLI detected itself (a deadline passed, stdin had a bad line);
 * it exits 1 like a cluster error.
 */
export class CliError extends Error {
  override readonly name = "CliError";
}

/** exitCodeFor maps a thrown value to the process exit code. */
export function exitCodeFor(error: unknown): number {
  return error instanceof UsageError ? EXIT_USAGE_ERROR : EXIT_RUNTIME_ERROR;
}

/**
 * errorLine renders a thrown value as the one line printed on stderr: never a stack trace.
 * SDK errors keep their code; retry wrappers are unwrapped to the failure that ended them,
 * since "raise retry.retries" is advice for SDK users, not for someone at a shell.
 */
export function errorLine(error: unknown): string {
  const text = describe(error);
  return `Error: ${text.replace(/\s*\n\s*/g, " ").trim()}`;
}

function describe(error: unknown): string {
  if (error instanceof UsageError || error instanceof CliError) return error.message;
  if (error instanceof TributaryRetriesExceededError) {
    const last = TributaryError.from(error.cause);
    return `${describe(last)} (gave up after ${error.retryCount} ${error.retryCount === 1 ? "retry" : "retries"})`;
  }
  if (error instanceof TributaryError) return `${error.message} [${error.code}]`;
  if (error instanceof Error) return error.message;
  return String(error);
}
