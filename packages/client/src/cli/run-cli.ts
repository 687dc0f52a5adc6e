import { readFileSync } from "node:fs";
import { formatHelp } from "./args/format-help.js";
import { parseFlags } from "./args/parse-flags.js";
import { EXIT_OK, EXIT_USAGE_ERROR, UsageError, errorLine, exitCodeFor } from "./cli-errors.js";
import { write, type CliIo } from "./cli-io.js";
import type { Command } from "./command.js";
import { COMMANDS } from "./commands.js";

/**
 * runCli runs one `tributary` command line (argv without "node" and the script) against `io` and
 * resolves with the exit code: 0 on success, 1 when the cluster or the data refused, 2 for a
 * command line it could not understand. It never throws and never exits the process, so tests
 * can run commands in-process; errors are one line on `io.stderr`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const first = argv[0];
    if (first === undefined) {
      await write(io.stderr, overview());
      return EXIT_USAGE_ERROR;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      const topic = argv.slice(1).join(" ");
      const command = topic === "" ? undefined : findCommand(argv.slice(1)).command;
      await write(io.stdout, command === undefined ? overview() : formatHelp(command.spec));
      return EXIT_OK;
    }
    if (first === "--version" || first === "version") {
      await write(io.stdout, `${version()}\n`);
      return EXIT_OK;
    }
    const { command, rest } = findCommand(argv);
    const flags = parseFlags(rest, command.spec);
    if (flags.boolean("help")) {
      await write(io.stdout, formatHelp(command.spec));
      return EXIT_OK;
    }
    return await command.run(flags, io);
  } catch (error) {
    await write(io.stderr, `${errorLine(error)}\n`);
    return exitCodeFor(error);
  }
}

function findCommand(argv: readonly string[]): { command: Command; rest: readonly string[] } {
  const names = COMMANDS.map((command) => command.spec.name);
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(" ");
    const command = COMMANDS.find((candidate) => candidate.spec.name === name);
    if (command !== undefined) return { command, rest: argv.slice(words) };
  }
  const first = argv[0] ?? "";
  const group = names.filter((name) => name.startsWith(`${first} `));
  if (group.length > 0) throw new UsageError(`'tributary ${first}' needs a subcommand: ${group.map((name) => name.slice(first.length + 1)).join(" or ")}`);
  throw new UsageError(`unknown command "${first}"; commands are ${names.join(", ")} (see 'tributary --help')`);
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.spec.name.length));
  return [
    "Usage: tributary <command> [flags]",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.spec.name.padEnd(width)}  ${command.spec.summary}`),
    "",
    "Every command takes --bootstrap-server HOST:PORT (default localhost:9092) and --help.",
    "",
  ].join("\n");
}

function version(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return `tributary ${typeof manifest.version === "string" ? manifest.version : "unknown"}`;
  } catch {
    return "tributary unknown";
  }
}
