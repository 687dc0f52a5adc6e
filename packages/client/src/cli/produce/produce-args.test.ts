import { describe, expect, it } from "vitest";
import { CompressionCodec } from "../../record/batch-layout.js";
import { parseFlags } from "../args/parse-flags.js";
import { PRODUCE_SPEC, produceAction } from "./produce-args.js";

const action = (argv: readonly string[]) => produceAction(parseFlags(argv, PRODUCE_SPEC));

describe("produce flags", () => {
  it("reads the topic, reader properties and producer settings", () => {
    const parsed = action(["--topic", "t", "--property", "parse.key=true", "--property", "key.separator=:", "--acks", "1", "--compression", "gzip", "--partition", "2", "--sync"]);
    expect(parsed.topic).toBe("t");
    expect(parsed.reader).toMatchObject({ parseKey: true, keySeparator: ":", parseHeaders: false });
    expect(parsed.producer.options).toEqual({ acks: 1, compression: CompressionCodec.gzip, idempotent: false });
    expect(parsed.partition).toBe(2);
    expect(parsed.sync).toBe(true);
  });

  it("defaults to acks=all, idempotent, no compression", () => {
    expect(action(["--topic", "t"]).producer.options).toEqual({});
    expect(action(["--topic", "t"]).reader).toMatchObject({ parseKey: false, keySeparator: "\t" });
  });

  it("lets --acks and --compression-codec win over --producer-property", () => {
    const parsed = action(["--topic", "t", "--producer-property", "acks=0", "--producer-property", "linger.ms=20", "--acks", "all", "--compression-codec", "zstd"]);
    expect(parsed.producer.options).toEqual({ acks: -1, lingerMs: 20, compression: CompressionCodec.zstd });
  });

  it("explains bad command lines", () => {
    expect(() => action([])).toThrow("--topic is required");
    expect(() => action(["--topic", "t", "--acks", "2"])).toThrow('--acks must be all, -1, 1 or 0, not "2"');
    expect(() => action(["--topic", "t", "--compression", "brotli"])).toThrow('--compression must be one of none, gzip, snappy, lz4, zstd, not "brotli"');
    expect(() => action(["--topic", "t", "--compression", "gzip", "--compression-codec", "lz4"])).toThrow("--compression and --compression-codec cannot be combined");
    expect(() => action(["--topic", "t", "--property", "parse.key"])).toThrow('--property expects KEY=VALUE, not "parse.key"');
    expect(() => action(["--topic", "t", "--property", "print.key=true"])).toThrow("unknown --property print.key");
    expect(() => action(["--topic", "t", "--partition", "-1"])).toThrow('--partition must be an integer of at least 0, not "-1"');
  });
});
