import type { Entry } from "./entry.js";
import type { HardState } from "./hard-state.js";
import type { Message } from "./message.js";
import type { Snapshot } from "./snapshot.js";

/**
 * Ready is everything the application must do for the Raft core: persist state, send messages,
 * restore and apply the state machine. The core never does I/O; the driver does, in this order:
 *
 * 1. Send `messages`. They vouch for nothing on disk, so they may leave at once, even while step 2
 *    is under way (a leader replicates in parallel with its own disk write, thesis §10.2.1).
 * 2. Persist, atomically (one write batch, fsynced when `mustSync`): `snapshot` first (it replaces
 *    the whole log), then `entries` (discarding every stored entry at or after `entries[0].index`),
 *    then `hardState`. A crash may lose a Ready's writes entirely but never half of them.
 * 3. Only then send `messagesAfterPersist`: append acknowledgements and vote responses, which vouch
 *    for the entries and the vote just written (thesis §3.8; etcd's msgsAfterAppend). Sending one
 *    earlier lets a crash forget a vote or an acknowledged entry, and Raft's safety with it.
 * 4. If `snapshot` is set, reset the state machine to `snapshot.data` (KRaft handleLoadSnapshot).
 * 5. Apply `committedEntries` in order (skipping `noop` entries' payload). They are committed and
 *    already on local disk; none of them precede `snapshot`.
 * 6. Call `advance(ready)`.
 *
 * Between `ready()` and `advance()` the driver may keep calling `step`, `tick` and `propose`; what
 * they produce waits for the next Ready. It must not call `ready()` again before `advance()`.
 * Arrays are owned by the driver after `ready()` returns and are never mutated by the core.
 */
export interface Ready {
  /** The hard state to persist, or undefined when it did not change since the previous Ready. */
  readonly hardState: HardState | undefined;
  /** A snapshot received from the leader to persist (replacing the log) and restore from. */
  readonly snapshot: Snapshot | undefined;
  /** Entries to append to stable storage, contiguous, possibly overwriting a stored suffix. */
  readonly entries: readonly Entry[];
  /**
   * True when the writes must be fsynced before step 3: new entries, a snapshot, or a changed term
   * or vote. A commit-index-only change may be written lazily (a lost commit index is re-learned).
   */
  readonly mustSync: boolean;
  /** Messages to send now, independent of step 2. */
  readonly messages: readonly Message[];
  /** Messages to send only after step 2 is durable. */
  readonly messagesAfterPersist: readonly Message[];
  /** Committed entries to apply, in log order, all stored locally. */
  readonly committedEntries: readonly Entry[];
}

/** isReadyEmpty is true when a Ready asks for nothing at all. */
export function isReadyEmpty(ready: Ready): boolean {
  return (
    ready.hardState === undefined &&
    ready.snapshot === undefined &&
    ready.entries.length === 0 &&
    ready.messages.length === 0 &&
    ready.messagesAfterPersist.length === 0 &&
    ready.committedEntries.length === 0
  );
}

/** needsPersist is true when step 2 of the contract has something to write. */
export function needsPersist(ready: Ready): boolean {
  return ready.hardState !== undefined || ready.snapshot !== undefined || ready.entries.length > 0;
}
