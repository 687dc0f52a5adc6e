/** @internal Invariant assertions shared by every package. Not covered by semver. */
export { assert, AssertionError } from "../util/assert.js";
