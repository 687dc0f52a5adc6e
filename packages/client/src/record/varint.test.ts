import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ByteReader } from "./byte-reader.js";
import { CorruptRecordError } from "./corrupt-record-error.js";
import {
  MAX_VARINT_BYTES,
  MAX_VARLONG_BYTES,
  readVarint,
  readVarlong,
  sizeOfVarint,
  sizeOfVarlong,
  writeVarint,
  writeVarlong,
} from "./varint.js";

const require = createRequire(import.meta.url);

interface KafkaJsEncoder {
  writeVarInt(value: number): KafkaJsEncoder;
  writeVarLong(value: bigint | number): KafkaJsEncoder;
  buffer: Buffer;
}
interface KafkaJsDecoder {
  readVarInt(): number;
  readVarLong(): { toString(): string };
}
const KafkaJsEncoderClass = require("kafkajs/src/protocol/encoder") as new () => KafkaJsEncoder;
const KafkaJsDecoderClass = require("kafkajs/src/protocol/decoder") as new (buffer: Buffer) => KafkaJsDecoder;

const int64 = fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });

function reader(bytes: Buffer): ByteReader {
  return new ByteReader(bytes, 0, bytes.length, 0, false);
}

function varint(value: number): Buffer {
  const out = Buffer.alloc(sizeOfVarint(value));
  expect(writeVarint(out, 0, value)).toBe(out.length);
  return out;
}

function varlong(value: bigint): Buffer {
  const out = Buffer.alloc(sizeOfVarlong(value));
  expect(writeVarlong(out, 0, value)).toBe(out.length);
  return out;
}

function corruptKind(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(CorruptRecordError);
    return (error as CorruptRecordError).kind;
  }
  throw new Error("expected a CorruptRecordError");
}

describe("varint", () => {
  it("writes protobuf zig-zag encodings", () => {
    expect(varint(0).toString("hex")).toBe("00");
    expect(varint(-1).toString("hex")).toBe("01");
    expect(varint(1).toString("hex")).toBe("02");
    expect(varint(-64).toString("hex")).toBe("7f");
    expect(varint(64).toString("hex")).toBe("8001");
    expect(varint(150).toString("hex")).toBe("ac02");
    expect(varint(2147483647).toString("hex")).toBe("feffffff0f");
    expect(varint(-2147483648).toString("hex")).toBe("ffffffff0f");
  });

  it("round-trips every int32 and agrees with KafkaJS", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (value) => {
        const bytes = varint(value);
        expect(bytes.length).toBeLessThanOrEqual(MAX_VARINT_BYTES);
        expect(bytes).toEqual(new KafkaJsEncoderClass().writeVarInt(value).buffer);
        const r = reader(bytes);
        expect(readVarint(r)).toBe(value);
        expect(r.position).toBe(bytes.length);
        expect(new KafkaJsDecoderClass(bytes).readVarInt()).toBe(value);
      }),
    );
  });

  it("rejects a varint that runs past the end, including an empty one", () => {
    expect(corruptKind(() => readVarint(reader(Buffer.alloc(0))))).toBe("bad-varint");
    expect(corruptKind(() => readVarint(reader(Buffer.from([0x80, 0x80]))))).toBe("bad-varint");
  });

  it("rejects a varint longer than 5 bytes or overflowing 32 bits", () => {
    expect(corruptKind(() => readVarint(reader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))))).toBe("bad-varint");
    expect(corruptKind(() => readVarint(reader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x10]))))).toBe("bad-varint");
    expect(readVarint(reader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f])))).toBe(-2147483648);
  });

  it("does not read past a narrowed end", () => {
    const r = reader(Buffer.from([0x80, 0x01]));
    r.narrow(1);
    expect(corruptKind(() => readVarint(r))).toBe("bad-varint");
  });

  it("reports the position where the varint starts", () => {
    const r = new ByteReader(Buffer.from([0x00, 0x00, 0x80]), 2, 3, 100, false);
    try {
      readVarint(r);
      expect.unreachable();
    } catch (error) {
      expect((error as CorruptRecordError).position).toBe(102);
    }
  });
});

describe("varlong", () => {
  it("writes protobuf zig-zag encodings at the int64 extremes", () => {
    expect(varlong(0n).toString("hex")).toBe("00");
    expect(varlong(-1n).toString("hex")).toBe("01");
    expect(varlong((1n << 63n) - 1n).toString("hex")).toBe("feffffffffffffffff01");
    expect(varlong(-(1n << 63n)).toString("hex")).toBe("ffffffffffffffffff01");
  });

  it("round-trips every int64 and agrees with KafkaJS", () => {
    fc.assert(
      fc.property(fc.oneof(int64, fc.bigInt({ min: -(1n << 53n), max: 1n << 53n })), (value) => {
        const bytes = varlong(value);
        expect(bytes.length).toBeLessThanOrEqual(MAX_VARLONG_BYTES);
        expect(bytes).toEqual(new KafkaJsEncoderClass().writeVarLong(value).buffer);
        const r = reader(bytes);
        expect(readVarlong(r)).toBe(value);
        expect(r.position).toBe(bytes.length);
        expect(new KafkaJsDecoderClass(bytes).readVarLong().toString()).toBe(value.toString());
      }),
    );
  });

  it("switches between the number and bigint paths without a seam", () => {
    for (let bits = 45n; bits <= 63n; bits++) {
      for (const value of [(1n << bits) - 1n, 1n << bits, -(1n << bits), -(1n << bits) - 1n]) {
        if (value >= 1n << 63n || value < -(1n << 63n)) continue;
        expect(readVarlong(reader(varlong(value)))).toBe(value);
      }
    }
  });

  it("rejects a varlong longer than 10 bytes, overflowing 64 bits, or cut short", () => {
    const eleven = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    expect(corruptKind(() => readVarlong(reader(eleven)))).toBe("bad-varint");
    const overflow = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]);
    expect(corruptKind(() => readVarlong(reader(overflow)))).toBe("bad-varint");
    expect(corruptKind(() => readVarlong(reader(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80]))))).toBe("bad-varint");
    expect(corruptKind(() => readVarlong(reader(Buffer.from([0x80]))))).toBe("bad-varint");
  });
});
