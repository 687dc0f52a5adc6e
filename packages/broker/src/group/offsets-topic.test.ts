/**
 * Goal: a group lands on the offsets partition Kafka would choose: Java's String.hashCode and
 * Kafka's Utils.abs (Integer.MIN_VALUE -> 0). Method: known Java hash values.
 */
import { describe, expect, it } from "vitest";
import { javaStringHashCode, offsetsPartitionFor } from "./offsets-topic.js";

describe("group placement", () => {
  it("computes Java's String.hashCode", () => {
    expect(javaStringHashCode("")).toBe(0);
    expect(javaStringHashCode("hello")).toBe(99162322);
    expect(javaStringHashCode("Aa")).toBe(javaStringHashCode("BB"));
    expect(javaStringHashCode("polygenelubricants")).toBe(-2147483648);
    expect(javaStringHashCode("héllo✓")).toBe(-1099020539);
  });

  it("takes Kafka's absolute value modulo the partition count", () => {
    expect(offsetsPartitionFor("hello", 50)).toBe(22);
    expect(offsetsPartitionFor("polygenelubricants", 50)).toBe(0);
    const negative = "héllo✓";
    expect(offsetsPartitionFor(negative, 50)).toBe(1099020539 % 50);
    expect(offsetsPartitionFor("anything", 1)).toBe(0);
  });
});
