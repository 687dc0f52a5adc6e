import { murmur2, toPositive } from "./murmur2.js";

/**
 * partitionForKey returns the partition Kafka's default partitioner (Java and KafkaJS alike) picks
 * for a record with this key: `toPositive(murmur2(key)) % numPartitions`. `numPartitions` counts
 * every partition of the topic, available or not, so a key's partition depends only on the
 * partition count. A string key hashes as its UTF-8 bytes, as Java's StringSerializer writes it.
 *
 * Records without a key are not placed by hash; spreading them is the producer's business.
 *
 * @throws RangeError when numPartitions is not a positive integer.
 */
export function partitionForKey(key: Uint8Array | string, numPartitions: number): number {
  if (!Number.isSafeInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions ${numPartitions} is not a positive integer`);
  }
  const bytes = typeof key === "string" ? Buffer.from(key, "utf8") : key;
  return toPositive(murmur2(bytes)) % numPartitions;
}
