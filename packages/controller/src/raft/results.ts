import type { NodeId } from "./node-id.js";

/**
 * ProposeResult says whether a proposal was appended to the leader's log. Appended is not committed:
 * the caller learns the outcome when an entry at that index and term is applied (a different term
 * there means the proposal was lost in a leader change and may be retried).
 */
export type ProposeResult =
  | { readonly ok: true; readonly term: number; readonly firstIndex: number; readonly lastIndex: number }
  /** Only the leader accepts proposals; `leader` is a hint of who is, when known. */
  | { readonly ok: false; readonly reason: "not-leader"; readonly leader: NodeId | undefined }
  /** Leadership is being handed over (thesis §3.10): retry on the new leader. */
  | { readonly ok: false; readonly reason: "transfer-in-progress"; readonly transferee: NodeId }
  /** Too many bytes are proposed and not yet applied; retry after commits catch up. */
  | { readonly ok: false; readonly reason: "uncommitted-limit"; readonly uncommittedBytes: number };

/** TransferResult says whether a leadership transfer started. */
export type TransferResult =
  | { readonly ok: true; readonly transferee: NodeId }
  | { readonly ok: false; readonly reason: "not-leader"; readonly leader: NodeId | undefined }
  /** The named node is this node or not a voter, or there is no other voter to hand over to. */
  | { readonly ok: false; readonly reason: "invalid-transferee"; readonly transferee: NodeId | undefined };
