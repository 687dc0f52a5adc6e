import { describe, expect, it } from "vitest";
import { UsageError } from "../cli-errors.js";
import type { CommandSpec } from "./flag-spec.js";
import { parseFlags } from "./parse-flags.js";

const SPEC: CommandSpec = {
  name: "demo",
  summary: "a demo command",
  usage: ["demo"],
  flags: {
    list: { type: "boolean", description: "list" },
    topic: { type: "string", description: "topic" },
    count: { type: "string", description: "count" },
    property: { type: "string", multiple: true, description: "property" },
    props: { type: "string", greedy: true, description: "props" },
    help: { type: "boolean", description: "help" },
  },
};

function usageError(argv: readonly string[]): string {
  try {
    parseFlags(argv, SPEC);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a usage error");
}

describe("parseFlags", () => {
  it("reads boolean flags and values given as separate words or after '='", () => {
    const flags = parseFlags(["--list", "--topic", "orders", "--count=5"], SPEC);
    expect(flags.boolean("list")).toBe(true);
    expect(flags.string("topic")).toBe("orders");
    expect(flags.integer("count")).toBe(5);
    expect(flags.has("property")).toBe(false);
  });

  it("accepts negative numbers as values", () => {
    expect(parseFlags(["--count", "-1"], SPEC).integer("count")).toBe(-1);
    expect(parseFlags(["--count=-7"], SPEC).integer("count")).toBe(-7);
  });

  it("accumulates repeated flags and greedy flags' words", () => {
    const flags = parseFlags(["--property", "a=1", "--props", "x=1", "y=2", "--property=b=2", "--list"], SPEC);
    expect(flags.strings("property")).toEqual(["a=1", "b=2"]);
    expect(flags.strings("props")).toEqual(["x=1", "y=2"]);
    expect(flags.boolean("list")).toBe(true);
  });

  it("treats -h as --help and collects positionals, everything after -- included", () => {
    const flags = parseFlags(["-h", "word", "--", "--list"], SPEC);
    expect(flags.boolean("help")).toBe(true);
    expect(flags.positionals).toEqual(["word", "--list"]);
  });

  it("names the flag in every error", () => {
    expect(usageError(["--lst"])).toBe("unknown flag --lst for 'tributary demo'; see 'tributary demo --help'");
    expect(usageError(["-x"])).toBe("unknown flag -x for 'tributary demo'; see 'tributary demo --help'");
    expect(usageError(["--topic"])).toBe("--topic needs a value");
    expect(usageError(["--topic", "--list"])).toBe("--topic needs a value");
    expect(usageError(["--list=yes"])).toBe("--list takes no value");
    expect(usageError(["--topic", "a", "--topic", "b"])).toBe("--topic is given more than once");
    expect(usageError(["--list", "--list"])).toBe("--list is given more than once");
    expect(usageError(["--props"])).toBe("--props needs a value");
  });
});

describe("ParsedFlags", () => {
  it("checks integers and their ranges", () => {
    const flags = parseFlags(["--count", "abc"], SPEC);
    expect(() => flags.integer("count", { min: 1 })).toThrow('--count must be an integer of at least 1, not "abc"');
    expect(() => parseFlags(["--count", "0"], SPEC).integer("count", { min: 1, max: 9 })).toThrow('--count must be an integer from 1 to 9, not "0"');
    expect(() => parseFlags(["--count", "1.5"], SPEC).integer("count")).toThrow('--count must be an integer, not "1.5"');
  });

  it("reads int64 values as bigint", () => {
    expect(parseFlags(["--count", "9223372036854775807"], SPEC).bigint("count")).toBe(9223372036854775807n);
    expect(() => parseFlags(["--count", "9223372036854775808"], SPEC).bigint("count")).toThrow("does not fit in 64 bits");
  });

  it("requires exactly one of a set of flags when asked", () => {
    expect(parseFlags(["--list"], SPEC).oneOf(["list", "topic"], true)).toBe("list");
    expect(() => parseFlags([], SPEC).oneOf(["list", "topic"], true)).toThrow("'tributary demo' needs one of --list, --topic");
    expect(() => parseFlags(["--list", "--topic", "t"], SPEC).oneOf(["list", "topic"], true)).toThrow("--list and --topic cannot be combined; give one of --list, --topic");
    expect(parseFlags([], SPEC).oneOf(["list", "topic"], false)).toBeUndefined();
  });

  it("rejects flags that do not apply and stray words", () => {
    expect(() => parseFlags(["--topic", "t"], SPEC).rejectUnless(["topic"], false, "with --list")).toThrow("--topic only applies with --list");
    expect(() => parseFlags(["stray"], SPEC).noPositionals()).toThrow('unexpected argument "stray" for \'tributary demo\'; flags start with --');
    expect(() => parseFlags([], SPEC).requireString("topic", "with --create")).toThrow("--topic is required with --create");
  });
});
