import { describe, expect, it } from "vitest";
import { parseFlags } from "../args/parse-flags.js";
import { GROUPS_SPEC, groupsAction, parseDateTimeMs, parseTopicScope } from "./groups-args.js";

const NOW_MS = Date.UTC(2025, 0, 31, 12, 0, 0);
const action = (argv: readonly string[]) => groupsAction(parseFlags(argv, GROUPS_SPEC), NOW_MS);

describe("groups flags", () => {
  it("reads --list, --describe views and --delete", () => {
    expect(action(["--list"])).toEqual({ kind: "list", withState: false });
    expect(action(["--list", "--state"])).toEqual({ kind: "list", withState: true });
    expect(action(["--describe", "--group", "g"])).toEqual({ kind: "describe", group: "g", view: "offsets", verbose: false });
    expect(action(["--describe", "--group", "g", "--members", "--verbose"])).toEqual({ kind: "describe", group: "g", view: "members", verbose: true });
    expect(action(["--describe", "--group", "g", "--state"])).toMatchObject({ view: "state" });
    expect(action(["--delete", "--group", "a", "--group", "b"])).toEqual({ kind: "delete", groups: ["a", "b"] });
  });

  it("reads every reset spec", () => {
    const reset = (...spec: string[]) => action(["--reset-offsets", "--group", "g", "--topic", "t", ...spec]);
    expect(reset("--to-earliest")).toEqual({ kind: "reset", group: "g", topics: [{ topic: "t", partitions: undefined }], spec: { kind: "earliest" }, execute: false, dryRunImplied: true });
    expect(reset("--to-latest", "--execute")).toMatchObject({ spec: { kind: "latest" }, execute: true, dryRunImplied: false });
    expect(reset("--to-current", "--dry-run")).toMatchObject({ spec: { kind: "current" }, execute: false, dryRunImplied: false });
    expect(reset("--to-offset", "42")).toMatchObject({ spec: { kind: "offset", offset: 42n } });
    expect(reset("--shift-by", "-5")).toMatchObject({ spec: { kind: "shift", by: -5n } });
    expect(reset("--to-datetime", "2025-01-31T11:00:00.000Z")).toMatchObject({ spec: { kind: "timestamp", timestampMs: NOW_MS - 3_600_000 } });
    expect(reset("--by-duration", "PT1H30M")).toMatchObject({ spec: { kind: "timestamp", timestampMs: NOW_MS - 5_400_000 } });
    expect(action(["--reset-offsets", "--group", "g", "--all-topics", "--to-earliest"])).toMatchObject({ topics: "all" });
    expect(action(["--reset-offsets", "--group", "g", "--topic", "a:1,0", "--topic", "b", "--to-earliest"])).toMatchObject({
      topics: [
        { topic: "a", partitions: [0, 1] },
        { topic: "b", partitions: undefined },
      ],
    });
  });

  it("explains bad command lines", () => {
    expect(() => action([])).toThrow("'tributary groups' needs one of --list, --describe, --reset-offsets, --delete");
    expect(() => action(["--describe"])).toThrow("--group is required with --describe");
    expect(() => action(["--describe", "--group", "a", "--group", "b"])).toThrow("give one --group with --describe");
    expect(() => action(["--describe", "--group", "g", "--members", "--state"])).toThrow("--members and --state cannot be combined");
    expect(() => action(["--describe", "--group", "g", "--verbose"])).toThrow("--verbose only applies with --members");
    expect(() => action(["--list", "--group", "g"])).toThrow("--group only applies with --describe, --reset-offsets or --delete");
    expect(() => action(["--describe", "--group", "g", "--to-earliest"])).toThrow("--to-earliest only applies with --reset-offsets");
    expect(() => action(["--reset-offsets", "--group", "g", "--to-earliest"])).toThrow("needs one of --topic, --all-topics");
    expect(() => action(["--reset-offsets", "--group", "g", "--topic", "t"])).toThrow("needs one of --to-earliest, --to-latest, --to-current, --to-offset, --shift-by, --to-datetime, --by-duration");
    expect(() => action(["--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest", "--to-latest"])).toThrow("--to-earliest and --to-latest cannot be combined");
    expect(() => action(["--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest", "--dry-run", "--execute"])).toThrow("--dry-run and --execute cannot be combined");
    expect(() => action(["--reset-offsets", "--group", "g", "--topic", "t", "--to-offset", "-1"])).toThrow("--to-offset must not be negative");
    expect(() => action(["--reset-offsets", "--group", "g", "--topic", "t", "--shift-by", "x"])).toThrow('--shift-by must be an integer, not "x"');
    expect(() => action(["--reset-offsets", "--group", "g", "--topic", "t", "--by-duration", "1h"])).toThrow("--by-duration must be an ISO 8601 duration");
    expect(() => action(["--reset-offsets", "--group", "g", "--topic", "t:x", "--to-earliest"])).toThrow('--topic must be an integer of at least 0, not "x"');
  });
});

describe("reset scopes and times", () => {
  it("parses topic scopes", () => {
    expect(parseTopicScope("orders")).toEqual({ topic: "orders", partitions: undefined });
    expect(parseTopicScope("orders:2,0,2")).toEqual({ topic: "orders", partitions: [0, 2] });
    expect(() => parseTopicScope(":1")).toThrow('--topic ":1" names no topic');
  });

  it("parses local and zoned times", () => {
    expect(parseDateTimeMs("2025-01-31T12:00:00.000Z")).toBe(NOW_MS);
    expect(parseDateTimeMs("2025-01-31T14:00:00+02:00")).toBe(NOW_MS);
    expect(parseDateTimeMs("2025-01-31T12:00:00")).toBe(new Date(2025, 0, 31, 12, 0, 0).getTime());
    expect(() => parseDateTimeMs("yesterday")).toThrow("--to-datetime must look like 2025-01-31T12:00:00.000");
    expect(() => parseDateTimeMs("2025-13-45T12:00:00")).toThrow('--to-datetime "2025-13-45T12:00:00" is not a valid time');
  });
});
