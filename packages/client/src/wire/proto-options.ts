import type { Options } from "@grpc/proto-loader";

/**
 * PROTO_LOADER_OPTIONS are the options the runtime loader uses. `scripts/gen-proto-types.mjs`
 * passes the same ones to the type generator, so the generated types describe exactly what the
 * loader produces: int64 as decimal strings (lossless; the SDK turns them into bigint), enums as
 * their names, default values filled in, and oneofs named.
 */
export const PROTO_LOADER_OPTIONS: Options = {
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};
