import { CorruptRecordError } from "../corrupt-record-error.js";

/**
 * badCompression reports a compressed payload that does not decompress. `position` is where the
 * payload starts in the input: compressed formats have no useful finer position for a reader.
 */
export function badCompression(codec: string, position: number, detail: string): CorruptRecordError {
  return new CorruptRecordError("bad-compression", position, `${codec}: ${detail}`);
}

/** tooLarge reports a payload that would decompress past `maxDecompressedBytes`. */
export function tooLarge(codec: string, position: number, maxDecompressedBytes: number, detail: string): CorruptRecordError {
  return new CorruptRecordError(
    "too-large",
    position,
    `${codec}: ${detail}, over maxDecompressedBytes ${maxDecompressedBytes}`,
  );
}

/**
 * fromLibraryError turns whatever a decompression library threw into a CorruptRecordError, so
 * that nothing else escapes a decoder. Called only around library calls on input bytes: our own
 * bugs (AssertionError) must not be disguised as bad data.
 */
export function fromLibraryError(codec: string, position: number, error: unknown): CorruptRecordError {
  if (error instanceof CorruptRecordError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return badCompression(codec, position, message);
}
