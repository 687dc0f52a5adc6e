import { assert } from "@tributary/client/internal/record";

/**
 * invariant is {@link assert} with a message built only on failure. Hot paths check invariants
 * per batch; formatting offsets into a message on every successful check would cost more than the
 * check itself.
 */
export function invariant(condition: unknown, message: () => string): asserts condition {
  if (!condition) assert(false, message());
}
