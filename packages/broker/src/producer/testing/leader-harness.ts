import { TributaryError } from "@tributary/client/internal/errors";
import { lastOffsetOf } from "@tributary/client/internal/record";
import type { RecordBatchHeader } from "@tributary/client/internal/record";
import { ProducerStateManager } from "../producer-state-manager.js";
import { stored } from "./producer-batch.js";

/** ProduceOutcome is what a produce request got from the harness leader. */
export type ProduceOutcome =
  | { readonly kind: "appended"; readonly firstOffset: bigint; readonly lastOffset: bigint }
  | { readonly kind: "duplicate"; readonly firstOffset: bigint; readonly lastOffset: bigint }
  | { readonly kind: "error"; readonly code: string };

/**
 * LeaderHarness is a partition leader reduced to what producer state needs: a log of stored
 * headers and the validate, append, complete sequence of the leader's produce path.
 */
export class LeaderHarness {
  readonly log: RecordBatchHeader[] = [];
  state: ProducerStateManager;
  leaderEpoch: number;

  constructor(state = new ProducerStateManager(), leaderEpoch = 0) {
    this.state = state;
    this.leaderEpoch = leaderEpoch;
  }

  /** logEndOffset is the offset the next appended batch gets. */
  get logEndOffset(): bigint {
    const last = this.log.at(-1);
    return last === undefined ? this.state.mapEndOffset : lastOffsetOf(last) + 1n;
  }

  /** produce runs one request; a TributaryError becomes an `error` outcome, anything else propagates. */
  produce(...headers: RecordBatchHeader[]): ProduceOutcome {
    let validation;
    try {
      validation = this.state.validateAppend(headers);
    } catch (error) {
      if (error instanceof TributaryError) return { kind: "error", code: error.code };
      throw error;
    }
    if (validation.appendCount === 0) {
      const first = validation.verdicts[0];
      const last = validation.verdicts.at(-1);
      if (first?.kind !== "duplicate" || last?.kind !== "duplicate") throw new Error("a request without appends must be all duplicates");
      return { kind: "duplicate", firstOffset: first.firstOffset, lastOffset: last.lastOffset };
    }
    const firstOffset = this.logEndOffset;
    let offset = firstOffset;
    validation.headers.forEach((header, index) => {
      if (validation.verdicts[index]?.kind !== "append") return;
      this.log.push(stored(header, offset, this.leaderEpoch));
      offset += BigInt(header.lastOffsetDelta) + 1n;
    });
    this.state.completeAppend(validation, firstOffset, this.leaderEpoch);
    return { kind: "appended", firstOffset, lastOffset: offset - 1n };
  }

  /**
   * replicate appends `header` as a follower would store it from an earlier leader, bypassing
   * validation: how a test gives a producer history (a sequence near the wrap, an old epoch).
   */
  replicate(header: RecordBatchHeader, leaderEpoch = this.leaderEpoch): RecordBatchHeader {
    const storedHeader = stored(header, this.logEndOffset, leaderEpoch);
    this.log.push(storedHeader);
    this.state.onAppended(storedHeader);
    return storedHeader;
  }

  /** truncateTo cuts the log at `offset` (a batch boundary) and tells the state. */
  truncateTo(offset: bigint): boolean {
    while (this.log.length > 0 && lastOffsetOf(this.log.at(-1)!) >= offset) this.log.pop();
    return this.state.truncateTo(offset);
  }
}
