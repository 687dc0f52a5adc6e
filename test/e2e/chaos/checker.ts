/**
 * The chaos checker, in the vocabulary of Jepsen's Kafka queue checker: given what producers were
 * told, what pollers saw and a final read of every partition, it reports lost writes, duplicates,
 * inconsistent offsets, nonmonotonic and skipping polls, aborted reads and unseen writes.
 */

/** SendOutcome is what a producer learned about one value. */
export type SendOutcome = { readonly kind: "ok"; readonly partition: number; readonly offset: bigint } | { readonly kind: "failed" } | { readonly kind: "ambiguous"; readonly reason: string };

/** Observed is a record as some reader saw it. */
export interface Observed {
  readonly partition: number;
  readonly offset: bigint;
  readonly value: string;
}

/** ChaosReport is the checker's verdict. */
export interface ChaosReport {
  readonly sent: number;
  readonly acknowledged: number;
  readonly ambiguous: number;
  readonly failed: number;
  /** lost: acknowledged, never read (not even by the final read). */
  readonly lost: readonly string[];
  /** duplicates: one value at two offsets of the final read. */
  readonly duplicates: readonly string[];
  /** inconsistentOffsets: one offset read with two values. */
  readonly inconsistentOffsets: readonly string[];
  /** acknowledgedElsewhere: read at another offset or partition than the producer was told. */
  readonly acknowledgedElsewhere: readonly string[];
  /** nonmonotonicPolls: a poller saw an offset at or below one it had already seen. */
  readonly nonmonotonicPolls: number;
  /** skippingPolls: a poller jumped over offsets the final read holds. */
  readonly skippingPolls: number;
  /** abortedReads: a write the producer was told definitely failed, later read. */
  readonly abortedReads: readonly string[];
  /** unseen: acknowledged and in the final read, but no poller saw it (not a failure: pollers may lag). */
  readonly unseen: number;
  /** ok: no lost writes, duplicates, inconsistent offsets, misplaced acknowledgements, nonmonotonic or skipping polls, or aborted reads. */
  readonly ok: boolean;
}

/** checkChaos computes the report. `polls` holds each poller's sequence of reads, in order. */
export function checkChaos(sends: ReadonlyMap<string, SendOutcome>, finalRead: readonly Observed[], polls: readonly (readonly Observed[])[]): ChaosReport {
  const byOffset = new Map<string, string>();
  const inconsistent = new Set<string>();
  const positions = new Map<string, string[]>();
  const record = (observed: Observed) => {
    const key = `${observed.partition}@${observed.offset}`;
    const previous = byOffset.get(key);
    if (previous !== undefined && previous !== observed.value) inconsistent.add(key);
    byOffset.set(key, observed.value);
  };
  for (const observed of finalRead) {
    record(observed);
    const list = positions.get(observed.value) ?? [];
    list.push(`${observed.partition}@${observed.offset}`);
    positions.set(observed.value, list);
  }
  for (const poll of polls) for (const observed of poll) record(observed);

  const finalOffsets = new Map<number, bigint[]>();
  for (const observed of finalRead) {
    const list = finalOffsets.get(observed.partition) ?? [];
    list.push(observed.offset);
    finalOffsets.set(observed.partition, list);
  }
  for (const list of finalOffsets.values()) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  let nonmonotonic = 0;
  let skipping = 0;
  const polled = new Set<string>();
  for (const poll of polls) {
    const last = new Map<number, bigint>();
    for (const observed of poll) {
      polled.add(observed.value);
      const previous = last.get(observed.partition);
      if (previous !== undefined) {
        if (observed.offset <= previous) nonmonotonic++;
        else {
          const offsets = finalOffsets.get(observed.partition) ?? [];
          if (offsets.some((offset) => offset > previous && offset < observed.offset)) skipping++;
        }
      }
      last.set(observed.partition, observed.offset);
    }
  }

  const lost: string[] = [];
  const elsewhere: string[] = [];
  const aborted: string[] = [];
  let acknowledged = 0;
  let ambiguous = 0;
  let failed = 0;
  let unseen = 0;
  for (const [value, outcome] of sends) {
    const at = positions.get(value);
    if (outcome.kind === "ok") {
      acknowledged++;
      if (at === undefined) lost.push(value);
      else {
        if (!at.includes(`${outcome.partition}@${outcome.offset}`)) elsewhere.push(value);
        if (!polled.has(value)) unseen++;
      }
    } else if (outcome.kind === "failed") {
      failed++;
      if (at !== undefined) aborted.push(value);
    } else ambiguous++;
  }
  const duplicates = [...positions].filter(([, at]) => at.length > 1).map(([value]) => value);
  return {
    sent: sends.size,
    acknowledged,
    ambiguous,
    failed,
    lost,
    duplicates,
    inconsistentOffsets: [...inconsistent],
    acknowledgedElsewhere: elsewhere,
    nonmonotonicPolls: nonmonotonic,
    skippingPolls: skipping,
    abortedReads: aborted,
    unseen,
    ok: lost.length === 0 && duplicates.length === 0 && inconsistent.size === 0 && elsewhere.length === 0 && nonmonotonic === 0 && skipping === 0 && aborted.length === 0,
  };
}
