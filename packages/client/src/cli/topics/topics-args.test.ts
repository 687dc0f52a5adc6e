import { describe, expect, it } from "vitest";
import { parseFlags } from "../args/parse-flags.js";
import { TOPICS_SPEC, topicsAction } from "./topics-args.js";

const action = (argv: readonly string[]) => topicsAction(parseFlags(argv, TOPICS_SPEC));

describe("topics flags", () => {
  it("reads --create with partitions, replication factor and configs", () => {
    expect(action(["--create", "--topic", "orders", "--partitions", "6", "--replication-factor", "3", "--config", "retention.ms=1000", "--config", "cleanup.policy=compact"])).toEqual({
      kind: "create",
      topic: "orders",
      partitions: 6,
      replicationFactor: 3,
      replicaAssignment: undefined,
      configs: new Map([
        ["retention.ms", "1000"],
        ["cleanup.policy", "compact"],
      ]),
      ifNotExists: false,
    });
  });

  it("reads --create with a replica assignment and --if-not-exists", () => {
    expect(action(["--create", "--topic", "t", "--replica-assignment", "1:2,2:3", "--if-not-exists"])).toMatchObject({
      replicaAssignment: [
        [1, 2],
        [2, 3],
      ],
      partitions: undefined,
      ifNotExists: true,
    });
  });

  it("reads --list, --describe, --alter and --delete", () => {
    expect(action(["--list", "--exclude-internal"])).toEqual({ kind: "list", excludeInternal: true });
    expect(action(["--describe"])).toEqual({ kind: "describe", topic: undefined, excludeInternal: false, filter: "all", ifExists: false });
    expect(action(["--describe", "--topic", "t", "--under-replicated-partitions"])).toMatchObject({ topic: "t", filter: "under-replicated" });
    expect(action(["--describe", "--unavailable-partitions"])).toMatchObject({ filter: "unavailable" });
    expect(action(["--alter", "--topic", "t", "--partitions", "12"])).toEqual({ kind: "alter", topic: "t", partitions: 12, ifExists: false });
    expect(action(["--delete", "--topic", "t", "--if-exists"])).toEqual({ kind: "delete", topic: "t", ifExists: true });
  });

  it("explains what is missing or misplaced", () => {
    expect(() => action([])).toThrow("'tributary topics' needs one of --create, --list, --describe, --alter, --delete");
    expect(() => action(["--create", "--list"])).toThrow("--create and --list cannot be combined");
    expect(() => action(["--create"])).toThrow("--topic is required with --create");
    expect(() => action(["--create", "--topic", "t", "--partitions", "0"])).toThrow('--partitions must be an integer of at least 1, not "0"');
    expect(() => action(["--create", "--topic", "t", "--config", "retention"])).toThrow('--config expects KEY=VALUE, not "retention"');
    expect(() => action(["--alter", "--topic", "t"])).toThrow("--partitions is required with --alter");
    expect(() => action(["--delete"])).toThrow("--topic is required with --delete");
    expect(() => action(["--list", "--topic", "t"])).toThrow("--topic only applies with --create, --describe, --alter or --delete");
    expect(() => action(["--describe", "--config", "a=1"])).toThrow("--config only applies with --create");
    expect(() => action(["--describe", "--under-replicated-partitions", "--unavailable-partitions"])).toThrow("cannot be combined");
    expect(() => action(["--create", "--topic", "t", "--replica-assignment", "1:2,3", "--partitions", "2"])).toThrow(
      "--replica-assignment: partition 1 has 1 replicas, partition 0 has 2",
    );
    expect(() => action(["--create", "--topic", "t", "--replica-assignment", "1:1"])).toThrow("partition 0 lists a broker twice");
    expect(() => action(["--create", "--topic", "t", "--replica-assignment", "1:2", "--partitions", "2"])).toThrow(
      "--replica-assignment cannot be combined with --partitions or --replication-factor",
    );
    expect(() => action(["--list", "extra"])).toThrow('unexpected argument "extra"');
  });
});
