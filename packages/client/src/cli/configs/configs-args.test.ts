import { describe, expect, it } from "vitest";
import { parseFlags } from "../args/parse-flags.js";
import { CONFIGS_SPEC, configsAction } from "./configs-args.js";

const action = (argv: readonly string[]) => configsAction(parseFlags(argv, CONFIGS_SPEC));

describe("configs flags", () => {
  it("reads entities in Kafka's long form and the shortcuts", () => {
    expect(action(["--describe", "--entity-type", "topics", "--entity-name", "orders"])).toEqual({ kind: "describe", entity: { type: "topic", name: "orders" }, all: false });
    expect(action(["--describe", "--entity-type", "brokers", "--all"])).toEqual({ kind: "describe", entity: { type: "broker", name: undefined }, all: true });
    expect(action(["--describe", "--entity-type", "brokers", "--entity-default"])).toMatchObject({ entity: { type: "broker", name: "" } });
    expect(action(["--describe", "--topic", "orders"])).toMatchObject({ entity: { type: "topic", name: "orders" } });
    expect(action(["--describe", "--broker", "101"])).toMatchObject({ entity: { type: "broker", name: "101" } });
  });

  it("reads additions, with bracketed lists, and deletions", () => {
    expect(action(["--alter", "--topic", "t", "--add-config", "retention.ms=1000,cleanup.policy=[compact,delete]", "--delete-config", "segment.ms,max.message.bytes"])).toEqual({
      kind: "alter",
      entity: { type: "topic", name: "t" },
      set: new Map([
        ["retention.ms", "1000"],
        ["cleanup.policy", "compact,delete"],
      ]),
      remove: ["segment.ms", "max.message.bytes"],
    });
  });

  it("explains bad command lines", () => {
    expect(() => action(["--describe"])).toThrow("'tributary configs' needs one of --topic, --broker, --entity-type");
    expect(() => action(["--describe", "--entity-type", "users"])).toThrow('--entity-type must be topics or brokers, not "users"');
    expect(() => action(["--describe", "--entity-type", "topics", "--entity-default"])).toThrow("--entity-default only applies to --entity-type brokers");
    expect(() => action(["--describe", "--broker", "x"])).toThrow('--broker must be an integer of at least 0, not "x"');
    expect(() => action(["--describe", "--topic", "t", "--entity-name", "u"])).toThrow("--entity-name only applies with --entity-type");
    expect(() => action(["--alter", "--entity-type", "topics"])).toThrow("--alter needs one entity");
    expect(() => action(["--alter", "--topic", "t"])).toThrow("--alter needs --add-config or --delete-config");
    expect(() => action(["--alter", "--topic", "t", "--add-config", "a=1", "--delete-config", "a"])).toThrow("a is both added and deleted");
    expect(() => action(["--describe", "--topic", "t", "--add-config", "a=1"])).toThrow("--add-config only applies with --alter");
    expect(() => action(["--alter", "--topic", "t", "--all", "--add-config", "a=1"])).toThrow("--all only applies with --describe");
  });
});
