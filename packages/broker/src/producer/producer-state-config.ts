import { assert } from "@tributary/client/internal/assert";

/** ProducerStateConfig bounds one partition's idempotent-producer state. */
export interface ProducerStateConfig {
  /**
   * producerIdExpirationMs (Kafka's `producer.id.expiration.ms`, default one day) is how long after
   * its last batch's timestamp a producer id is forgotten. It is the only thing that bounds the
   * number of producers a partition remembers, and must exceed the producers' delivery timeout so
   * no retry can arrive after its producer was forgotten.
   */
  readonly producerIdExpirationMs: number;
}

/** DEFAULT_PRODUCER_STATE_CONFIG is Kafka's default. */
export const DEFAULT_PRODUCER_STATE_CONFIG: ProducerStateConfig = {
  producerIdExpirationMs: 86_400_000,
};

/** resolveProducerStateConfig fills in defaults and checks the values (a bad value is a wiring bug). */
export function resolveProducerStateConfig(overrides: Partial<ProducerStateConfig> = {}): ProducerStateConfig {
  const config = { ...DEFAULT_PRODUCER_STATE_CONFIG, ...overrides };
  assert(Number.isSafeInteger(config.producerIdExpirationMs) && config.producerIdExpirationMs > 0, `producerIdExpirationMs ${config.producerIdExpirationMs} must be a positive integer`);
  return config;
}
