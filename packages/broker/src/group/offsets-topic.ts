import { assert } from "@tributary/client/internal/assert";

/** OFFSETS_TOPIC is the internal topic holding committed offsets and group state (Kafka's name). */
export const OFFSETS_TOPIC = "__consumer_offsets";

/**
 * javaStringHashCode is Java's `String.hashCode()`: s[0]*31^(n-1) + ... + s[n-1] in 32-bit
 * two's complement over UTF-16 code units. Group placement must match Kafka's bit for bit, so a
 * group lands on the same offsets partition a Kafka cluster with the same partition count would use.
 */
export function javaStringHashCode(value: string): number {
  let hash = 0;
  for (let index = 0; index < value.length; index++) hash = (Math.imul(hash, 31) + value.charCodeAt(index)) | 0;
  return hash;
}

/**
 * offsetsPartitionFor is the partition of {@link OFFSETS_TOPIC} that holds `groupId`, whose leader
 * is the group's coordinator: Kafka's `Utils.abs(groupId.hashCode) % groupMetadataTopicPartitionCount`.
 * Kafka's `Utils.abs` is the absolute value except that Integer.MIN_VALUE maps to 0 (Java's
 * Math.abs would leave it negative).
 */
export function offsetsPartitionFor(groupId: string, partitionCount: number): number {
  assert(Number.isInteger(partitionCount) && partitionCount > 0, `offsets topic partition count ${partitionCount} must be positive`);
  const hash = javaStringHashCode(groupId);
  return (hash === -0x80000000 ? 0 : Math.abs(hash)) % partitionCount;
}
