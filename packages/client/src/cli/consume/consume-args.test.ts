import { describe, expect, it } from "vitest";
import { parseFlags } from "../args/parse-flags.js";
import { CONSUME_SPEC, consumeAction, parseStartOffset } from "./consume-args.js";

const action = (argv: readonly string[]) => consumeAction(parseFlags(argv, CONSUME_SPEC));

describe("consume flags", () => {
  it("reads a group consumer's flags and formatter properties", () => {
    const parsed = action(["--topic", "t", "--group", "g", "--from-beginning", "--max-messages", "10", "--property", "print.key=true", "--property", "key.separator=:"]);
    expect(parsed).toMatchObject({ topic: "t", group: "g", fromBeginning: true, partition: undefined, offset: undefined, maxMessages: 10 });
    expect(parsed.formatter).toMatchObject({ printKey: true, keySeparator: ":", printValue: true });
  });

  it("reads a partition and where to start in it", () => {
    expect(action(["--topic", "t", "--partition", "2", "--offset", "42"])).toMatchObject({ partition: 2, offset: 42n, group: undefined });
    expect(action(["--topic", "t", "--partition", "0", "--offset", "earliest"])).toMatchObject({ offset: "earliest" });
    expect(action(["--topic", "t", "--partition", "0", "--offset", "latest"])).toMatchObject({ offset: "latest" });
  });

  it("applies kafka-console-consumer's rules", () => {
    expect(() => action([])).toThrow("--topic is required");
    expect(() => action(["--topic", "t", "--partition", "0", "--group", "g"])).toThrow("--partition and --group cannot be combined");
    expect(() => action(["--topic", "t", "--offset", "5"])).toThrow("--offset needs --partition");
    expect(() => action(["--topic", "t", "--partition", "0", "--offset", "5", "--from-beginning"])).toThrow("--offset and --from-beginning cannot be combined");
    expect(() => action(["--topic", "t", "--max-messages", "0"])).toThrow('--max-messages must be an integer of at least 1, not "0"');
    expect(() => action(["--topic", "t", "--group", ""])).toThrow("--group must not be empty");
    expect(() => action(["--topic", "t", "--property", "parse.key=true"])).toThrow("unknown --property parse.key; the formatter knows");
    expect(() => parseStartOffset("-1")).toThrow('--offset must be earliest, latest or a non-negative offset, not "-1"');
    expect(() => parseStartOffset("first")).toThrow("--offset must be earliest, latest or a non-negative offset");
    expect(() => parseStartOffset("9223372036854775808")).toThrow("does not fit in 64 bits");
  });
});
