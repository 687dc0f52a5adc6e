import type { NodeId } from "../node-id.js";
import type { SeededRandom } from "../random.js";

/**
 * NetworkWeather is how badly the simulated network behaves right now. Delays are in simulator time
 * units; random delays reorder messages on their own.
 */
export interface NetworkWeather {
  /** Probability that a message is lost. */
  readonly dropRate: number;
  /** Probability that a message is delivered twice (the copy with its own delay). */
  readonly duplicateRate: number;
  readonly minDelay: number;
  readonly maxDelay: number;
  /** Probability that a message is held back by `stragglerDelay` extra (a long reorder). */
  readonly stragglerRate: number;
  readonly stragglerDelay: number;
}

/** CALM_WEATHER is a reliable network with short delays: what liveness is checked under. */
export const CALM_WEATHER: NetworkWeather = {
  dropRate: 0,
  duplicateRate: 0,
  minDelay: 1,
  maxDelay: 5,
  stragglerRate: 0,
  stragglerDelay: 0,
};

/**
 * SimNetwork decides the fate of every message: lost, delayed, duplicated, or cut by a partition.
 * Links are directional, so one-way partitions are expressible. Partitions are checked at delivery
 * time: a message in flight when a link is cut is lost, as on a real network.
 */
export class SimNetwork {
  weather: NetworkWeather = CALM_WEATHER;
  /** Counters for the run summary. */
  readonly stats = { sent: 0, dropped: 0, duplicated: 0, cut: 0 };
  readonly #blocked = new Set<string>();
  readonly #random: SeededRandom;

  /** Creates a calm, fully connected network. */
  constructor(random: SeededRandom) {
    this.#random = random;
  }

  /** isBlocked is true when messages from `from` to `to` are being dropped by a partition. */
  isBlocked(from: NodeId, to: NodeId): boolean {
    return this.#blocked.has(`${from}->${to}`);
  }

  /** block cuts the link from `from` to `to` (one way). */
  block(from: NodeId, to: NodeId): void {
    this.#blocked.add(`${from}->${to}`);
  }

  /** partition cuts every link between different groups, both ways. */
  partition(groups: readonly (readonly NodeId[])[]): void {
    for (const a of groups) {
      for (const b of groups) {
        if (a === b) continue;
        for (const from of a) for (const to of b) this.block(from, to);
      }
    }
  }

  /** heal restores every link. */
  heal(): void {
    this.#blocked.clear();
  }

  /** hasPartitions is true when any link is cut. */
  hasPartitions(): boolean {
    return this.#blocked.size > 0;
  }

  /** describeBlocked lists the cut links, for traces. */
  describeBlocked(): string {
    return [...this.#blocked].sort().join(" ");
  }

  /** plan returns the delays after which copies of one message arrive; empty when it is lost. */
  plan(): number[] {
    const weather = this.weather;
    this.stats.sent++;
    if (this.#random.chance(weather.dropRate)) {
      this.stats.dropped++;
      return [];
    }
    const delays = [this.#delay()];
    if (this.#random.chance(weather.duplicateRate)) {
      this.stats.duplicated++;
      delays.push(this.#delay());
    }
    return delays;
  }

  #delay(): number {
    const weather = this.weather;
    let delay = this.#random.intBetween(weather.minDelay, weather.maxDelay);
    if (this.#random.chance(weather.stragglerRate)) delay += weather.stragglerDelay;
    return delay;
  }
}
