import { describe, expect, it } from "vitest";
import { checkChaos, type Observed, type SendOutcome } from "./checker.js";

const at = (partition: number, offset: number, value: string): Observed => ({ partition, offset: BigInt(offset), value });

describe("the chaos checker", () => {
  it("passes a clean history", () => {
    const sends = new Map<string, SendOutcome>([["a", { kind: "ok", partition: 0, offset: 0n }], ["b", { kind: "ok", partition: 0, offset: 1n }]]);
    const report = checkChaos(sends, [at(0, 0, "a"), at(0, 1, "b")], [[at(0, 0, "a"), at(0, 1, "b")]]);
    expect(report.ok).toBe(true);
    expect(report.unseen).toBe(0);
  });

  it("finds lost writes, duplicates, inconsistent offsets, misplaced acknowledgements and aborted reads", () => {
    const sends = new Map<string, SendOutcome>([
      ["lost", { kind: "ok", partition: 0, offset: 5n }],
      ["dup", { kind: "ok", partition: 0, offset: 0n }],
      ["moved", { kind: "ok", partition: 0, offset: 9n }],
      ["aborted", { kind: "failed" }],
      ["maybe", { kind: "ambiguous", reason: "timeout" }],
    ]);
    const final = [at(0, 0, "dup"), at(0, 1, "dup"), at(0, 2, "moved"), at(0, 3, "aborted")];
    const report = checkChaos(sends, final, [[at(0, 0, "other")]]);
    expect(report.lost).toEqual(["lost"]);
    expect(report.duplicates).toEqual(["dup"]);
    expect(report.inconsistentOffsets).toEqual(["0@0"]);
    expect(report.acknowledgedElsewhere).toEqual(["moved"]);
    expect(report.abortedReads).toEqual(["aborted"]);
    expect(report.ambiguous).toBe(1);
    expect(report.ok).toBe(false);
  });

  it("finds nonmonotonic and skipping polls", () => {
    const final = [at(0, 0, "a"), at(0, 1, "b"), at(0, 2, "c")];
    expect(checkChaos(new Map(), final, [[at(0, 1, "b"), at(0, 0, "a")]]).nonmonotonicPolls).toBe(1);
    expect(checkChaos(new Map(), final, [[at(0, 0, "a"), at(0, 2, "c")]]).skippingPolls).toBe(1);
  });
});
