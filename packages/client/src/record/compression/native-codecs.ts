/**
 * Lazy loaders for the native compression libraries. Each ships its binaries as per-platform npm
 * packages (napi-rs optionalDependencies), so nothing is downloaded or compiled at install time.
 *
 * They load on first use rather than at import: a client that never touches Snappy, LZ4 or zstd
 * must not fail to start on a platform for which one of those binaries is missing. A load failure
 * is a plain Error naming the package (never a CorruptRecordError: the data is not at fault).
 */
import { createRequire } from "node:module";

/** SnappyLibrary is the part of `snappy` we use: raw Snappy blocks. */
export type SnappyLibrary = Pick<typeof import("snappy"), "compressSync" | "uncompressSync">;
/** Lz4Library is the part of `lz4-napi` we use: raw LZ4 blocks with a 4-byte size prefix. */
export type Lz4Library = Pick<typeof import("lz4-napi"), "compressSync">;
/** ZstdLibrary is `@mongodb-js/zstd`: whole zstd frames, async only. */
export type ZstdLibrary = Pick<typeof import("@mongodb-js/zstd"), "compress" | "decompress">;

const require = createRequire(import.meta.url);

let snappy: SnappyLibrary | undefined;
let lz4: Lz4Library | undefined;
let zstd: ZstdLibrary | undefined;

function load<T>(packageName: string, codec: string): T {
  try {
    return require(packageName) as T;
  } catch (cause) {
    throw new Error(
      `${codec} compression needs the package ${packageName}, which did not load on ${process.platform}-${process.arch}`,
      { cause },
    );
  }
}

/** loadSnappy returns the `snappy` library, loading it on first use. */
export function loadSnappy(): SnappyLibrary {
  return (snappy ??= load<SnappyLibrary>("snappy", "Snappy"));
}

/** loadLz4 returns the `lz4-napi` library, loading it on first use. */
export function loadLz4(): Lz4Library {
  return (lz4 ??= load<Lz4Library>("lz4-napi", "LZ4"));
}

/** loadZstd returns the `@mongodb-js/zstd` library, loading it on first use. */
export function loadZstd(): ZstdLibrary {
  return (zstd ??= load<ZstdLibrary>("@mongodb-js/zstd", "zstd"));
}
