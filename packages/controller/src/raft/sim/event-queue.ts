import { assert } from "@tributary/client/internal/assert";

/**
 * EventQueue is the simulator's agenda: a binary min-heap ordered by (time, insertion sequence), so
 * events at the same virtual time run in the order they were scheduled and a seed replays exactly
 * (FoundationDB-style discrete-event simulation; no wall clock, no microtask ordering).
 */
export class EventQueue<E> {
  #heap: { time: number; seq: number; event: E }[] = [];
  #seq = 0;

  /** size is the number of scheduled events. */
  get size(): number {
    return this.#heap.length;
  }

  /** push schedules `event` at virtual `time`. */
  push(time: number, event: E): void {
    assert(Number.isFinite(time), `event time must be finite, got ${time}`);
    const heap = this.#heap;
    heap.push({ time, seq: this.#seq++, event });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** pop removes and returns the earliest event, or undefined when none is left. */
  pop(): { time: number; event: E } | undefined {
    const heap = this.#heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return { time: top.time, event: top.event };
  }
}

function before(a: { time: number; seq: number }, b: { time: number; seq: number }): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
