import { TributaryError } from "@tributary/client/internal/errors";
import type { MetadataRecord } from "./records.js";

/**
 * ControllerResult is what a manager returns (Kafka's ControllerResult): the records an operation
 * writes and the response to give once they have committed. Managers read the image and never
 * change it. The driver, running one operation at a time:
 * 1. appends `records` as one batch (one Raft entry), in order, atomically;
 * 2. replays every record with that batch's offset, on the active controller right away so that the
 *    next operation sees it (KIP-631);
 * 3. answers with `response` once the batch has committed. If it never commits (leadership lost),
 *    the caller gets NOT_CONTROLLER and the image goes back to the committed state.
 * A result with no records needs no append; it is answered once earlier writes have committed, so
 * that no caller reads uncommitted state back.
 */
export interface ControllerResult<R> {
  readonly records: readonly MetadataRecord[];
  readonly response: R;
}

/**
 * AtOffset is a response that depends on the offset its batch committed at: the broker epoch of a
 * registration is that offset, and only the driver learns it, when Raft assigns the entry's index.
 */
export type AtOffset<T> = (batchOffset: number) => T;

/** resultOf builds a {@link ControllerResult}. */
export function resultOf<R>(records: readonly MetadataRecord[], response: R): ControllerResult<R> {
  return { records, response };
}

/**
 * itemError turns what a per-item step threw into the error reported for that item. Only typed
 * errors are item failures; anything else (an AssertionError) is a bug and keeps propagating.
 */
export function itemError(error: unknown): TributaryError {
  if (error instanceof TributaryError) return error;
  throw error;
}
