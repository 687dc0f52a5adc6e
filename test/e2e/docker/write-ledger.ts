import type { Producer } from "@tributary/client";

/** AckedWrite is a record the cluster acknowledged, with the offset it was given. */
export interface AckedWrite {
  readonly value: string;
  readonly offset: bigint;
}

/** LoggedRecord is a record read back from a partition. */
export interface LoggedRecord {
  readonly offset: bigint;
  readonly value: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * WriteLedger keeps writing through faults and remembers what happened to every write: one loop
 * per partition sends one record at a time (acks=all, idempotent producer), so within a partition
 * the acknowledged records were sent in the order they were acknowledged. A write that failed is
 * remembered too: it may or may not be in the log, but never twice.
 */
export class WriteLedger {
  readonly #producer: Producer;
  readonly #topic: string;
  readonly #acked: AckedWrite[][];
  readonly #sent = new Set<string>();
  #failures = 0;
  #loops: Promise<void>[] = [];
  #running = false;
  #sequence = 0;

  constructor(producer: Producer, topic: string, partitions: number) {
    this.#producer = producer;
    this.#topic = topic;
    this.#acked = Array.from({ length: partitions }, () => []);
  }

  /** start begins writing values labelled `label` to every partition until {@link stop}. */
  start(label: string): void {
    if (this.#running) throw new Error("the ledger is already writing");
    this.#running = true;
    this.#loops = this.#acked.map((_, partition) => this.#writeLoop(label, partition));
  }

  /** stop lets every loop finish its current write and waits for them. */
  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#loops);
    this.#loops = [];
  }

  /** ackedCount is the number of acknowledged writes so far, over every partition. */
  get ackedCount(): number {
    return this.#acked.reduce((sum, writes) => sum + writes.length, 0);
  }

  /** failures is the number of writes that failed (the producer gave up on them). */
  get failures(): number {
    return this.#failures;
  }

  /** ackedIn is what partition `partition` acknowledged, in order. */
  ackedIn(partition: number): readonly AckedWrite[] {
    return this.#acked[partition] ?? [];
  }

  /**
   * check compares a partition's log with what was written to it, and returns every violation:
   * an acknowledged record missing or at another offset, acknowledged records out of order, a
   * record present twice, or a record nobody sent.
   */
  check(partition: number, log: readonly LoggedRecord[]): string[] {
    const problems: string[] = [];
    const byValue = new Map<string, LoggedRecord[]>();
    for (const record of log) byValue.set(record.value, [...(byValue.get(record.value) ?? []), record]);
    for (const [value, copies] of byValue) {
      if (copies.length > 1) problems.push(`${value} is in partition ${partition} ${copies.length} times (offsets ${copies.map((copy) => copy.offset).join(", ")})`);
      if (!this.#sent.has(value)) problems.push(`${value} at offset ${copies[0]?.offset} of partition ${partition} was never sent`);
    }
    let previous = -1n;
    for (const write of this.ackedIn(partition)) {
      const found = byValue.get(write.value);
      if (found === undefined) problems.push(`acknowledged ${write.value} (offset ${write.offset}) is missing from partition ${partition}`);
      else if (found[0]?.offset !== write.offset) problems.push(`acknowledged ${write.value} was given offset ${write.offset} but is at ${found[0]?.offset}`);
      if (write.offset <= previous) problems.push(`acknowledged ${write.value} at offset ${write.offset} follows one at ${previous}`);
      previous = write.offset;
    }
    return problems;
  }

  async #writeLoop(label: string, partition: number): Promise<void> {
    while (this.#running) {
      const value = `${label}-p${partition}-${this.#sequence++}`;
      this.#sent.add(value);
      try {
        const [metadata] = await this.#producer.send({ topic: this.#topic, messages: [{ value, partition }] });
        if (metadata === undefined) throw new Error(`no metadata for ${value}`);
        this.#acked[partition]!.push({ value, offset: metadata.baseOffset });
      } catch {
        this.#failures++;
        await pause(200);
      }
      await pause(5);
    }
  }
}
