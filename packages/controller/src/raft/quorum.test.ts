/**
 * Majority arithmetic and the role transition table. Method: table-driven unit tests.
 */
import { describe, expect, it } from "vitest";
import { committedIndex, majoritySize, tallyVotes } from "./quorum.js";
import { assertTransition, isTransitionAllowed } from "./role.js";
import type { RoleKind } from "./role.js";
import { AssertionError } from "@tributary/client/internal/assert";

describe("quorum", () => {
  it.each([
    [1, 1],
    [3, 2],
    [4, 3],
    [5, 3],
  ])("a majority of %i voters is %i", (voters, majority) => {
    expect(majoritySize(voters)).toBe(majority);
  });

  it.each([
    [[5], 5],
    [[5, 3, 1], 3],
    [[1, 5, 3, 4, 2], 3],
    [[9, 9, 0, 0, 0], 0],
  ])("committedIndex(%j) = %i", (matches, want) => {
    expect(committedIndex(matches)).toBe(want);
  });

  it("tallies votes: won at a majority of grants, lost once a majority cannot be reached", () => {
    const voters = [1, 2, 3, 4, 5];
    expect(tallyVotes(voters, new Map([[1, true], [2, true]]))).toBe("pending");
    expect(tallyVotes(voters, new Map([[1, true], [2, true], [3, true]]))).toBe("won");
    expect(tallyVotes(voters, new Map([[1, true], [2, false], [3, false]]))).toBe("pending");
    expect(tallyVotes(voters, new Map([[1, true], [2, false], [3, false], [4, false]]))).toBe("lost");
  });
});

describe("role transitions", () => {
  const allowed: [RoleKind, RoleKind][] = [
    ["follower", "follower"],
    ["follower", "pre-candidate"],
    ["follower", "candidate"],
    ["pre-candidate", "candidate"],
    ["pre-candidate", "pre-candidate"],
    ["pre-candidate", "follower"],
    ["candidate", "leader"],
    ["candidate", "pre-candidate"],
    ["candidate", "follower"],
    ["leader", "follower"],
  ];
  const kinds: RoleKind[] = ["follower", "pre-candidate", "candidate", "leader"];
  it("allows exactly the documented transitions", () => {
    for (const from of kinds) {
      for (const to of kinds) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(isTransitionAllowed(from, to), `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it("fails an illegal transition with a readable message", () => {
    expect(() => assertTransition("follower", "leader", 3, 7)).toThrow(AssertionError);
    expect(() => assertTransition("follower", "leader", 3, 7)).toThrow("node 3: invalid transition [follower -> leader] in term 7");
  });
});
