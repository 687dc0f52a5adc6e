import type { CommandSpec } from "./args/flag-spec.js";
import type { ParsedFlags } from "./args/parsed-flags.js";
import type { CliIo } from "./cli-io.js";

/**
 * Command is one `tributary <command>`: its spec (flags, usage, help) and what it does with
 * parsed flags. `run` resolves with the exit code, or throws (UsageError exits 2, anything else 1).
 */
export interface Command {
  readonly spec: CommandSpec;
  run(flags: ParsedFlags, io: CliIo): Promise<number>;
}
