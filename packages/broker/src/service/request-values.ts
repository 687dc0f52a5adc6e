import { TributaryError } from "@tributary/client/internal/errors";

const INT64_MAX = 2n ** 63n - 1n;

/**
 * parseOffset reads an int64 offset (a decimal string on the wire) and checks it is at least
 * `min`; anything else is INVALID_REQUEST naming the field. Requests come from the network: a
 * malformed one gets an error, never a crash.
 */
export function parseOffset(value: string, field: string, min = 0n): bigint {
  let offset: bigint;
  try {
    offset = BigInt(value);
  } catch {
    throw new TributaryError("INVALID_REQUEST", `${field} "${value}" is not an integer`);
  }
  if (offset < min || offset > INT64_MAX) throw new TributaryError("INVALID_REQUEST", `${field} ${value} is out of range`);
  return offset;
}
