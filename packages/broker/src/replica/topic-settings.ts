import type { MetadataImage } from "@tributary/controller/internal/metadata";
import type { LogDefaults } from "../config/broker-config.js";
import type { LogConfig } from "../log/log-config.js";

/**
 * topicConfigValue resolves a topic config the way Kafka does: the topic's override, else the
 * cluster-wide dynamic broker default, else this broker's static default.
 */
export function topicConfigValue(image: MetadataImage, topic: string, name: string, brokerName: string, staticDefault: string): string {
  return image.configs.overrides("topic", topic).get(name) ?? image.configs.overrides("broker", "").get(brokerName) ?? staticDefault;
}

function numberValue(text: string, fallback: number): number {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : fallback;
}

/** minInsyncReplicasOf is a topic's effective min.insync.replicas. */
export function minInsyncReplicasOf(image: MetadataImage, topic: string, defaults: LogDefaults): number {
  return numberValue(topicConfigValue(image, topic, "min.insync.replicas", "min.insync.replicas", String(defaults.minInsyncReplicas)), defaults.minInsyncReplicas);
}

/** logConfigOf is a topic's effective log settings. */
export function logConfigOf(image: MetadataImage, topic: string, defaults: LogDefaults, messageBytesMax: number): Partial<LogConfig> {
  const value = (name: string, brokerName: string, fallback: number) => numberValue(topicConfigValue(image, topic, name, brokerName, String(fallback)), fallback);
  return {
    segmentBytesMax: value("segment.bytes", "log.segment.bytes", defaults.segmentBytesMax),
    segmentMsMax: value("segment.ms", "log.roll.ms", defaults.segmentMsMax),
    retentionMs: value("retention.ms", "log.retention.ms", defaults.retentionMs),
    retentionBytes: value("retention.bytes", "log.retention.bytes", defaults.retentionBytes),
    indexIntervalBytes: value("index.interval.bytes", "log.index.interval.bytes", defaults.indexIntervalBytes),
    batchBytesMax: Math.min(value("max.message.bytes", "message.max.bytes", messageBytesMax), value("segment.bytes", "log.segment.bytes", defaults.segmentBytesMax)),
  };
}
