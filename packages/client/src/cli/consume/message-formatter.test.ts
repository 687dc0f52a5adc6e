import { describe, expect, it } from "vitest";
import { formatRecord, formatterOptions, recordJson, unescapeSeparator, type PrintableRecord } from "./message-formatter.js";

const RECORD: PrintableRecord = {
  topic: "orders",
  partition: 2,
  offset: 41n,
  timestamp: 1_700_000_000_123n,
  timestampType: "CreateTime",
  key: Buffer.from("user-1"),
  value: Buffer.from('{"n":1}'),
  headers: [
    ["trace", Buffer.from("abc")],
    ["empty", null],
  ],
};

const options = (entries: Record<string, string>) => formatterOptions(new Map(Object.entries(entries)));

describe("kafka-console-consumer formatter", () => {
  it("prints only the value by default", () => {
    expect(formatRecord(RECORD, options({}))).toBe('{"n":1}\n');
  });

  it("prints every field in Kafka's order, separated by key.separator", () => {
    const all = options({ "print.timestamp": "true", "print.partition": "true", "print.offset": "true", "print.headers": "true", "print.key": "true" });
    expect(formatRecord(RECORD, all)).toBe('CreateTime:1700000000123\tPartition:2\tOffset:41\ttrace:abc,empty:null\tuser-1\t{"n":1}\n');
  });

  it("honours separators, the null literal and missing parts", () => {
    const custom = options({ "print.key": "true", "print.headers": "true", "print.timestamp": "true", "key.separator": " | ", "headers.separator": ";", "null.literal": "<none>", "line.separator": "\\n---\\n" });
    const record = { ...RECORD, key: null, value: null, headers: [], timestamp: -1n };
    expect(formatRecord(record, custom)).toBe("NO_TIMESTAMP | NO_HEADERS | <none> | <none>\n---\n");
    expect(formatRecord({ ...RECORD, timestampType: "LogAppendTime" }, options({ "print.timestamp": "true", "print.value": "false" }))).toBe("LogAppendTime:1700000000123\n");
  });

  it("turns typed escapes into separators", () => {
    expect(unescapeSeparator("\\t")).toBe("\t");
    expect(unescapeSeparator("a\\\\b")).toBe("a\\b");
  });

  it("rejects unknown properties and non-boolean flags", () => {
    expect(() => options({ "print.keys": "true" })).toThrow("unknown --property print.keys; the formatter knows print.timestamp");
    expect(() => options({ "print.key": "1" })).toThrow('print.key must be true or false, not "1"');
  });

  it("renders JSON with offsets and timestamps as decimal strings", () => {
    expect(recordJson(RECORD)).toEqual({
      topic: "orders",
      partition: 2,
      offset: "41",
      timestamp: "1700000000123",
      timestampType: "CreateTime",
      key: "user-1",
      value: '{"n":1}',
      headers: [
        { key: "trace", value: "abc" },
        { key: "empty", value: null },
      ],
    });
  });
});
