/**
 * AssertionError marks a broken invariant: a bug, never an operating condition. It is not retried
 * and not caught to carry on; the process that sees one should stop doing what it was doing.
 */
export class AssertionError extends Error {
  override readonly name = "AssertionError";
}

/** assert throws an {@link AssertionError} when `condition` is false. Assertions stay on in production. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}
