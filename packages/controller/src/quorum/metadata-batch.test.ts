import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMetadataBatch, encodeMetadataBatch, encodeRecordPayloads, MetadataBatchError, splitMetadataBatch } from "./metadata-batch.js";
import type { MetadataRecord } from "../metadata/records.js";

describe("metadata batches", () => {
  it("round-trip records", () => {
    const records: MetadataRecord[] = [
      { type: "no-op" },
      { type: "topic", name: "orders", topicId: "t-1" },
      { type: "config", resourceType: "topic", resourceName: "orders", name: "retention.ms", value: "1000" },
    ];
    expect(decodeMetadataBatch(encodeMetadataBatch(encodeRecordPayloads(records)))).toEqual(records);
  });

  it("split exactly what was laid out, and reject any truncation", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), (payloads) => {
        const bytes = encodeMetadataBatch(payloads);
        expect(splitMetadataBatch(bytes).map((p) => [...p])).toEqual(payloads.map((p) => [...p]));
        for (let cut = 0; cut < bytes.byteLength; cut++) {
          expect(() => splitMetadataBatch(bytes.subarray(0, cut))).toThrow(MetadataBatchError);
        }
      }),
    );
  });
});
