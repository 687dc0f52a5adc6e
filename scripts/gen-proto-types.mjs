#!/usr/bin/env node
// Generates the TypeScript types of every message and service in proto/ into
// packages/client/src/generated (or the directory given as the first argument), with the same
// options the runtime loader uses (packages/client/src/wire/proto-options.ts).
// common.proto has no service, and its top-level file would only hold unused imports; its
// messages are generated through the files that import it.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = resolve(process.argv[2] ?? join(root, "packages/client/src/generated"));
const protoRoot = join(root, "proto");
const files = readdirSync(join(protoRoot, "tributary/v1"))
  .filter((name) => name.endsWith(".proto") && name !== "common.proto")
  .sort()
  .map((name) => `tributary/v1/${name}`);

rmSync(outDir, { recursive: true, force: true });
execFileSync(
  join(root, "node_modules/.bin/proto-loader-gen-types"),
  [
    "--longs=String",
    "--enums=String",
    "--defaults",
    "--oneofs",
    "--grpcLib=@grpc/grpc-js",
    "--importFileExtension=.js",
    "-I",
    "proto",
    "-O",
    outDir,
    ...files,
  ],
  // Relative paths, so the generated "Original file" comments do not depend on the checkout's location.
  { stdio: "inherit", cwd: root },
);
