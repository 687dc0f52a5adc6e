import { describe, expect, it } from "vitest";
import { CompressionCodec } from "../../record/batch-layout.js";
import { parseAcks, parseCompression, producerSettings } from "./producer-props.js";

const settings = (entries: Record<string, string>) => producerSettings(new Map(Object.entries(entries)));

describe("producer properties", () => {
  it("maps Kafka names onto producer options", () => {
    expect(
      settings({
        acks: "all",
        "linger.ms": "5",
        "batch.size": "131072",
        "compression.type": "lz4",
        "buffer.memory": "67108864",
        "max.in.flight.requests.per.connection": "3",
        "delivery.timeout.ms": "30000",
        "max.request.size": "1048576",
        "max.block.ms": "1000",
        retries: "3",
        "client.id": "loader",
      }),
    ).toEqual({
      options: {
        acks: -1,
        lingerMs: 5,
        batchSizeBytes: 131072,
        compression: CompressionCodec.lz4,
        bufferMemoryBytes: 67108864,
        maxInFlightRequests: 3,
        deliveryTimeoutMs: 30000,
        maxRequestBytes: 1048576,
        maxBlockMs: 1000,
        retry: { retries: 3 },
      },
      clientId: "loader",
    });
  });

  it("turns idempotence off for acks 0 and 1 unless asked for", () => {
    expect(settings({ acks: "1" }).options).toEqual({ acks: 1, idempotent: false });
    expect(settings({ acks: "0", "enable.idempotence": "true" }).options).toEqual({ acks: 0, idempotent: true });
    expect(settings({ "enable.idempotence": "false" }).options).toEqual({ idempotent: false });
  });

  it("names unknown properties and bad values", () => {
    expect(() => settings({ "linger.mss": "5" })).toThrow("unknown producer property linger.mss; known: acks, linger.ms");
    expect(() => settings({ "linger.ms": "-1" })).toThrow('linger.ms must be an integer of at least 0, not "-1"');
    expect(() => settings({ "batch.size": "big" })).toThrow('batch.size must be an integer of at least 1, not "big"');
    expect(() => parseAcks("--acks", "2")).toThrow('--acks must be all, -1, 1 or 0, not "2"');
    expect(() => parseCompression("--compression", "brotli")).toThrow('--compression must be one of none, gzip, snappy, lz4, zstd, not "brotli"');
    expect(parseCompression("--compression", "ZSTD")).toBe(CompressionCodec.zstd);
  });
});
