import { fileURLToPath } from "node:url";
import { loadPackageDefinition } from "@grpc/grpc-js";
import { loadSync, type PackageDefinition } from "@grpc/proto-loader";
import type { ProtoGrpcType as BrokerProto } from "../generated/broker.js";
import type { ProtoGrpcType as ControllerProto } from "../generated/controller.js";
import type { ProtoGrpcType as RaftProto } from "../generated/raft.js";
import { PROTO_LOADER_OPTIONS } from "./proto-options.js";

/**
 * PROTO_ROOT is the repository's `proto/` directory. This file sits at the same depth in `src/`
 * and `dist/` (packages/client/{src,dist}/wire), so one relative path serves both.
 */
export const PROTO_ROOT = fileURLToPath(new URL("../../../../proto/", import.meta.url));

/** PROTO_FILES are the files of the wire contract, relative to {@link PROTO_ROOT}. */
export const PROTO_FILES = [
  "tributary/v1/common.proto",
  "tributary/v1/raft.proto",
  "tributary/v1/controller.proto",
  "tributary/v1/broker.proto",
] as const;

/** TributaryProto is the loaded contract: service constructors and message types of tributary.v1. */
export type TributaryProto = BrokerProto & ControllerProto & RaftProto;

let cached: { definition: PackageDefinition; proto: TributaryProto } | undefined;

/**
 * loadProtos loads the wire contract once per process and returns the package definition (for
 * gRPC reflection and health) and the typed gRPC object tree (`proto.tributary.v1.Broker`, ...).
 */
export function loadProtos(): { definition: PackageDefinition; proto: TributaryProto } {
  if (cached === undefined) {
    const definition = loadSync([...PROTO_FILES], { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
    const proto = loadPackageDefinition(definition) as unknown as TributaryProto;
    cached = { definition, proto };
  }
  return cached;
}
