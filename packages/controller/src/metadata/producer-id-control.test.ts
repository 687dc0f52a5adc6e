/**
 * Goal: producer ids are handed out in consecutive, never-overlapping blocks, only to registered
 * brokers with their current epoch.
 * Method: a MetadataHarness; allocate, replay, allocate again; provoke each rejection.
 */
import { TributaryError } from "@tributary/client/internal/errors";
import { describe, expect, it } from "vitest";
import { MetadataImage } from "./metadata-image.js";
import { MetadataHarness } from "./testing/metadata-harness.js";

describe("allocateProducerIds", () => {
  it("hands out consecutive blocks of 1000, recorded in the log", () => {
    const harness = new MetadataHarness();
    const epoch = harness.startBroker(1);
    const first = harness.control.producerIds.allocateProducerIds({ brokerId: 1, brokerEpoch: epoch });
    expect(first.records).toEqual([{ type: "producer-ids", brokerId: 1, brokerEpoch: epoch, nextProducerId: 1000n }]);
    expect(harness.run(first)).toEqual({ firstProducerId: 0n, count: 1000 });
    expect(harness.run(harness.control.producerIds.allocateProducerIds({ brokerId: 1, brokerEpoch: epoch }))).toEqual({ firstProducerId: 1000n, count: 1000 });
    // A standby that replays the log hands out the next block, not one already given.
    const standby = MetadataImage.fromSnapshot(harness.image.toSnapshotRecords(), harness.image.offset);
    expect(standby.producerIds.nextProducerId).toBe(2000n);
  });

  it("refuses unregistered brokers and stale epochs", () => {
    const harness = new MetadataHarness();
    const epoch = harness.register(1);
    const code = (brokerId: number, brokerEpoch: number): string => {
      try {
        harness.control.producerIds.allocateProducerIds({ brokerId, brokerEpoch });
        return "NONE";
      } catch (error) {
        return error instanceof TributaryError ? error.code : "?";
      }
    };
    expect(code(2, epoch)).toBe("BROKER_ID_NOT_REGISTERED");
    expect(code(1, epoch + 1)).toBe("STALE_BROKER_EPOCH");
    expect(code(1, epoch)).toBe("NONE");
  });

  it("refuses to run past the 64-bit id space", () => {
    const harness = new MetadataHarness();
    const epoch = harness.register(1);
    harness.commit([{ type: "producer-ids", brokerId: 1, brokerEpoch: epoch, nextProducerId: 2n ** 63n - 500n }]);
    expect(() => harness.control.producerIds.allocateProducerIds({ brokerId: 1, brokerEpoch: epoch })).toThrow(/every producer id/);
  });
});
