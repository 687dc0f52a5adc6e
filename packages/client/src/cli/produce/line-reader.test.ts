import { describe, expect, it } from "vitest";
import { lineReaderOptions, parseLine } from "./line-reader.js";

const props = (entries: Record<string, string>) => lineReaderOptions(new Map(Object.entries(entries)));

describe("kafka-console-producer line reader", () => {
  it("reads the whole line as the value by default", () => {
    expect(parseLine("a\tb:c", 1, props({}))).toEqual({ key: null, value: "a\tb:c", headers: [] });
    expect(parseLine("", 1, props({}))).toEqual({ key: null, value: "", headers: [] });
  });

  it("splits the key at the first key separator (TAB by default)", () => {
    expect(parseLine("k\tv\tw", 1, props({ "parse.key": "true" }))).toEqual({ key: "k", value: "v\tw", headers: [] });
    expect(parseLine("user-1:{\"a\":1}", 1, props({ "parse.key": "true", "key.separator": ":" }))).toEqual({ key: "user-1", value: '{"a":1}', headers: [] });
    expect(parseLine("k::v", 1, props({ "parse.key": "true", "key.separator": "::" }))).toEqual({ key: "k", value: "v", headers: [] });
  });

  it("fails with Kafka's message on a line without a key separator, unless ignore.error", () => {
    expect(() => parseLine("novalue", 7, props({ "parse.key": "true", "key.separator": ":" }))).toThrow("No key separator found on line number 7: 'novalue'");
    expect(parseLine("novalue", 7, props({ "parse.key": "true", "key.separator": ":", "ignore.error": "true" }))).toEqual({ key: null, value: "novalue", headers: [] });
  });

  it("reads headers before the key, repeated keys kept in order", () => {
    const options = props({ "parse.headers": "true", "parse.key": "true", "key.separator": "|" });
    expect(parseLine("h1:v1,h2:v2,h1:v3\tkey|value", 1, options)).toEqual({
      key: "key",
      value: "value",
      headers: [
        { key: "h1", value: "v1" },
        { key: "h2", value: "v2" },
        { key: "h1", value: "v3" },
      ],
    });
  });

  it("honours custom header separators", () => {
    const options = props({ "parse.headers": "true", "headers.delimiter": "#", "headers.separator": ";", "headers.key.separator": "=" });
    expect(parseLine("a=1;b=x:y#payload", 1, options)).toEqual({
      key: null,
      value: "payload",
      headers: [
        { key: "a", value: "1" },
        { key: "b", value: "x:y" },
      ],
    });
  });

  it("fails on missing header delimiters and pairs without a key separator", () => {
    const options = props({ "parse.headers": "true" });
    expect(() => parseLine("no headers here", 3, options)).toThrow("No headers delimiter found on line number 3: 'no headers here'");
    expect(() => parseLine("a:1,b\tv", 4, options)).toThrow("No header key separator found in pair 'b' on line number 4");
    expect(parseLine("a:1,b\tv", 4, props({ "parse.headers": "true", "ignore.error": "true" })).headers).toEqual([
      { key: "a", value: "1" },
      { key: "b", value: null },
    ]);
  });

  it("turns the null marker into null keys, values and header values", () => {
    const options = props({ "parse.key": "true", "parse.headers": "true", "key.separator": "|", "null.marker": "<null>" });
    expect(parseLine("h:<null>\t<null>|<null>", 1, options)).toEqual({ key: null, value: null, headers: [{ key: "h", value: null }] });
    expect(parseLine("<null>\tk|v", 1, options)).toEqual({ key: "k", value: "v", headers: [] });
    expect(() => parseLine("<null>:v\tk|v", 2, options)).toThrow("Header keys should not be equal to the null marker '<null>' as they can't be null");
  });

  it("rejects unknown properties and ambiguous separators", () => {
    expect(() => props({ "parse.kye": "true" })).toThrow("unknown --property parse.kye; the line reader knows parse.key, key.separator");
    expect(() => props({ "parse.key": "yes" })).toThrow('parse.key must be true or false, not "yes"');
    expect(() => props({ "key.separator": "" })).toThrow("--property key.separator must not be empty");
    expect(() => props({ "parse.key": "true", "parse.headers": "true", "key.separator": "\t" })).toThrow("headers.delimiter and key.separator may not be equal");
    expect(() => props({ "parse.headers": "true", "headers.separator": ":" })).toThrow("headers.separator and headers.key.separator may not be equal");
    expect(() => props({ "null.marker": ",", "parse.key": "true" })).toThrow("null.marker and headers.separator may not be equal");
  });
});
