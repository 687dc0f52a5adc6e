import { assert } from "@tributary/client/internal/assert";
import type { InstallSnapshotRequest } from "./message.js";
import type { NodeId } from "./node-id.js";
import type { Snapshot, SnapshotMetadata } from "./snapshot.js";

/** ChunkOutcome is what a follower does after one InstallSnapshot chunk. */
export type ChunkOutcome =
  | { readonly kind: "incomplete"; readonly nextOffset: number }
  | { readonly kind: "complete"; readonly snapshot: Snapshot };

/**
 * SnapshotReceiver reassembles a snapshot a follower receives in chunks (thesis §5.1, Figure 5.3).
 * Chunks must arrive in order; a chunk at any other offset is answered with the offset expected, so
 * lost, duplicated and reordered chunks cost a resend, never a corrupt snapshot. A transfer is tied
 * to (leader, term, snapshot id): a chunk of another transfer restarts from offset 0. The partial
 * copy lives in memory only; a restarted follower starts over.
 *
 * Invariant: `receivedBytes <= totalBytes` of the transfer in progress.
 */
export class SnapshotReceiver {
  #transfer:
    | { from: NodeId; term: number; metadata: SnapshotMetadata; totalBytes: number; chunks: Uint8Array[]; receivedBytes: number }
    | undefined = undefined;

  /** accept takes one chunk and says what to answer. */
  accept(chunk: InstallSnapshotRequest): ChunkOutcome {
    let transfer = this.#transfer;
    const same =
      transfer !== undefined &&
      transfer.from === chunk.from &&
      transfer.term === chunk.term &&
      transfer.metadata.index === chunk.snapshot.index &&
      transfer.metadata.term === chunk.snapshot.term;
    if (!same) {
      if (chunk.offset !== 0) return { kind: "incomplete", nextOffset: 0 };
      transfer = { from: chunk.from, term: chunk.term, metadata: chunk.snapshot, totalBytes: chunk.totalBytes, chunks: [], receivedBytes: 0 };
      this.#transfer = transfer;
    }
    assert(transfer !== undefined, "snapshot transfer missing");
    if (chunk.offset !== transfer.receivedBytes) return { kind: "incomplete", nextOffset: transfer.receivedBytes };
    assert(chunk.totalBytes === transfer.totalBytes, `snapshot size changed from ${transfer.totalBytes} to ${chunk.totalBytes} mid-transfer`);
    const end = chunk.offset + chunk.data.byteLength;
    assert(end <= transfer.totalBytes, `snapshot chunk ends at ${end}, past its size ${transfer.totalBytes}`);
    transfer.chunks.push(chunk.data);
    transfer.receivedBytes = end;
    if (!chunk.done) return { kind: "incomplete", nextOffset: end };
    assert(end === transfer.totalBytes, `last snapshot chunk ends at ${end}, short of ${transfer.totalBytes}`);
    const data = new Uint8Array(transfer.totalBytes);
    let at = 0;
    for (const part of transfer.chunks) {
      data.set(part, at);
      at += part.byteLength;
    }
    this.#transfer = undefined;
    return { kind: "complete", snapshot: { metadata: transfer.metadata, data } };
  }

  /** reset drops any partial transfer (a newer snapshot or commit made it useless). */
  reset(): void {
    this.#transfer = undefined;
  }
}
