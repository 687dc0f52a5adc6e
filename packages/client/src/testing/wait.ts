/** turn lets pending I/O callbacks and setImmediate work run once. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * until resolves once `condition` holds, checking after each event-loop turn; it rejects after
 * `maxTurns` turns so a broken test fails instead of hanging. For conditions that no single event
 * announces (a count reaching a value); where an event exists, await the event.
 */
export async function until(condition: () => boolean, maxTurns = 100_000): Promise<void> {
  for (let count = 0; !condition(); count++) {
    if (count >= maxTurns) throw new Error("condition never held");
    await turn();
  }
}

/** seededRandom is a small deterministic PRNG (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
