import { assert } from "@tributary/client/internal/assert";
import { raftConfig } from "../config.js";
import type { RaftLimits } from "../config.js";
import type { Entry } from "../entry.js";
import { MemoryStorage } from "../memory-storage.js";
import type { Message } from "../message.js";
import type { NodeId } from "../node-id.js";
import { RaftNode } from "../raft-node.js";
import { SeededRandom } from "../random.js";
import type { ProposeResult } from "../results.js";

/** TestClusterOptions tune a {@link TestCluster}. */
export interface TestClusterOptions {
  readonly limits?: Partial<RaftLimits>;
  /** Seeds the nodes' election timeouts. */
  readonly seed?: number;
  /** Supplies a node's initial storage (a prepared log); fresh storage otherwise. */
  readonly storage?: (id: NodeId) => MemoryStorage | undefined;
}

/** TestClusterNode is one member of a {@link TestCluster}: the core, its "disk" and what it applied. */
export interface TestClusterNode {
  node: RaftNode;
  readonly storage: MemoryStorage;
  /** Committed entries applied by this node, in order (reset when a snapshot is restored). */
  applied: Entry[];
  /** Index of the last snapshot this node restored from a Ready, or 0. */
  restoredSnapshotIndex: number;
}

/**
 * TestCluster is a synchronous, hand-driven cluster for scripted scenarios (etcd's `network` in
 * raft_test.go): nothing happens until the test ticks a node or delivers messages. Every Ready is
 * carried out at once (persist, send, apply, advance), so no state is ever lost on `restart`.
 */
export class TestCluster {
  readonly members = new Map<NodeId, TestClusterNode>();
  /** Messages sent and not yet delivered, in send order. */
  queue: Message[] = [];
  /** Every message delivered, in order; tests count round trips with it. */
  readonly delivered: Message[] = [];
  /** Drops a message when it returns true (besides cut links). */
  dropIf: ((message: Message) => boolean) | undefined = undefined;
  readonly #cut = new Set<string>();
  readonly #voters: readonly NodeId[];
  readonly #limits: Partial<RaftLimits>;
  readonly #random: SeededRandom;

  /** Creates the voters (with fresh storage unless `options.storage` provides one). */
  constructor(voters: readonly NodeId[], options: TestClusterOptions = {}) {
    this.#voters = voters;
    this.#limits = options.limits ?? {};
    this.#random = new SeededRandom(options.seed ?? 1);
    for (const id of voters) {
      const storage = options.storage?.(id) ?? new MemoryStorage();
      this.members.set(id, { node: this.#open(id, storage), storage, applied: [], restoredSnapshotIndex: 0 });
    }
  }

  /** member returns a node's record; throws for an unknown id. */
  member(id: NodeId): TestClusterNode {
    const member = this.members.get(id);
    assert(member !== undefined, `no node ${id}`);
    return member;
  }

  /** node returns a node's core. */
  node(id: NodeId): RaftNode {
    return this.member(id).node;
  }

  /** leader returns the node that is leader in the highest term, if any. */
  leader(): NodeId | undefined {
    let best: { id: NodeId; term: number } | undefined;
    for (const [id, member] of this.members) {
      const status = member.node.status();
      if (status.role === "leader" && (best === undefined || status.term > best.term)) best = { id, term: status.term };
    }
    return best?.id;
  }

  /** processReadies carries out every node's pending Readys. */
  processReadies(): void {
    for (const member of this.members.values()) {
      while (member.node.hasReady()) {
        const ready = member.node.ready();
        member.storage.saveReady(ready);
        this.queue.push(...ready.messages, ...ready.messagesAfterPersist);
        if (ready.snapshot !== undefined) {
          member.applied = [];
          member.restoredSnapshotIndex = ready.snapshot.metadata.index;
        }
        member.applied.push(...ready.committedEntries);
        member.node.advance(ready);
      }
    }
  }

  /**
   * deliver hands every queued message (matching `which`) to its recipient once, dropping those on
   * cut links or matched by `dropIf`, then processes Readys. Returns how many were delivered.
   */
  deliver(which: (message: Message) => boolean = () => true): number {
    this.processReadies();
    const batch = this.queue.filter(which);
    this.queue = this.queue.filter((m) => !which(m));
    let count = 0;
    for (const message of batch) {
      if (this.#cut.has(link(message.from, message.to))) continue;
      if (this.dropIf?.(message) === true) continue;
      this.delivered.push(message);
      this.node(message.to).step(message);
      count++;
    }
    this.processReadies();
    return count;
  }

  /** stabilize delivers messages until none are left. */
  stabilize(maxRounds = 10_000): void {
    this.processReadies();
    for (let round = 0; this.queue.length > 0; round++) {
      assert(round < maxRounds, `cluster did not stabilize in ${maxRounds} rounds`);
      this.deliver();
    }
  }

  /** tick ticks one node `times` times, processing Readys after each tick. */
  tick(id: NodeId, times = 1): void {
    for (let i = 0; i < times; i++) {
      this.node(id).tick();
      this.processReadies();
    }
  }

  /** tickAll ticks every node `times` times. */
  tickAll(times = 1): void {
    for (let i = 0; i < times; i++) for (const id of this.members.keys()) this.tick(id);
  }

  /** elect makes `id` campaign and delivers until quiet; asserts it won. */
  elect(id: NodeId): void {
    this.node(id).campaign();
    this.stabilize();
    assert(this.node(id).status().role === "leader", `node ${id} did not win: ${JSON.stringify(this.node(id).status())}`);
  }

  /**
   * electAmong ticks the given nodes (delivering everything after each tick) until one of them
   * leads, and returns it. Use it where followers must first outlive their leader lease.
   */
  electAmong(ids: readonly NodeId[], maxTicks = 200): NodeId {
    for (let i = 0; i < maxTicks; i++) {
      for (const id of ids) this.tick(id);
      this.stabilize();
      const leader = ids.find((id) => this.node(id).status().role === "leader");
      if (leader !== undefined) return leader;
    }
    throw new Error(`none of ${ids.join(", ")} became leader in ${maxTicks} ticks`);
  }

  /** propose proposes a UTF-8 string at `id`. */
  propose(id: NodeId, text: string): ProposeResult {
    const result = this.node(id).propose(new TextEncoder().encode(text));
    this.processReadies();
    return result;
  }

  /** cut drops every message from `from` to `to` (one way). */
  cut(from: NodeId, to: NodeId): void {
    this.#cut.add(link(from, to));
  }

  /** isolate cuts a node off from every other node, both ways. */
  isolate(id: NodeId): void {
    for (const other of this.#voters) {
      if (other === id) continue;
      this.cut(id, other);
      this.cut(other, id);
    }
  }

  /** heal restores every link. */
  heal(): void {
    this.#cut.clear();
  }

  /** restart replaces a node's core with a fresh one over the same storage (its "disk"). */
  restart(id: NodeId): void {
    const member = this.member(id);
    member.node = this.#open(id, member.storage);
    member.applied = [];
    this.queue = this.queue.filter((m) => m.from !== id && m.to !== id);
  }

  /** appliedTexts returns the payloads of a node's applied normal entries as strings. */
  appliedTexts(id: NodeId): string[] {
    return this.member(id)
      .applied.filter((e) => e.type === "normal")
      .map((e) => new TextDecoder().decode(e.data));
  }

  #open(id: NodeId, storage: MemoryStorage): RaftNode {
    return new RaftNode({ config: raftConfig(id, this.#voters, this.#limits), storage, random: this.#random.fork() });
  }
}

/**
 * preparedStorage builds a node's "disk" holding entries with the given terms at indexes 1, 2, ...
 * (payload: the given text, or `t<term>i<index>`) and a hard state at `term` with `commit`.
 */
export function preparedStorage(terms: readonly (number | readonly [number, string])[], hard: { term: number; commit?: number }): MemoryStorage {
  const storage = new MemoryStorage();
  storage.append(
    terms.map((spec, i) => {
      const [term, text] = typeof spec === "number" ? [spec, `t${spec}i${i + 1}`] : spec;
      return { index: i + 1, term, type: "normal", data: new TextEncoder().encode(text) } satisfies Entry;
    }),
  );
  storage.setHardState({ term: hard.term, vote: undefined, commit: hard.commit ?? 0 });
  return storage;
}

function link(from: NodeId, to: NodeId): string {
  return `${from}->${to}`;
}
