/**
 * The wire contract: the committed generated types match the protos, and a real gRPC server and
 * client built from the loader move int64s, bytes and errors (per item and per RPC, with leader
 * hints) the way the rest of the system relies on.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { credentials, Server, ServerCredentials, type ServiceError } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import type { BrokerClient, BrokerHandlers } from "../generated/tributary/v1/Broker.js";
import type { MetadataResponse__Output } from "../generated/tributary/v1/MetadataResponse.js";
import type { FetchResponse__Output } from "../generated/tributary/v1/FetchResponse.js";
import { CHANNEL_OPTIONS } from "./channel-options.js";
import { loadProtos } from "./load-protos.js";
import { errorFromWire, errorToWire, fromServiceError, toServiceError } from "./wire-errors.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe("generated types", () => {
  it("are exactly what the generator makes from proto/ (run `npm run gen:proto` after editing a .proto)", () => {
    const out = mkdtempSync(join(tmpdir(), "tributary-gen-"));
    try {
      execFileSync("node", [join(repoRoot, "scripts/gen-proto-types.mjs"), out], { stdio: "pipe" });
      const committedDir = join(repoRoot, "packages/client/src/generated");
      const fresh = listFiles(out).map((path) => relative(out, path)).sort();
      const committed = listFiles(committedDir).map((path) => relative(committedDir, path)).sort();
      expect(committed).toEqual(fresh);
      for (const file of fresh) {
        expect(readFileSync(join(committedDir, file), "utf8"), file).toBe(readFileSync(join(out, file), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("per-item errors", () => {
  it("round-trip through the wire form, leader hint included", () => {
    const error = new TributaryError("NOT_LEADER_OR_FOLLOWER", "broker 2 leads", {
      leaderHint: { nodeId: 2, endpoint: "localhost:9093", epoch: 7 },
    });
    const wire = errorToWire(error);
    const back = errorFromWire({
      code: wire.code ?? 0,
      name: wire.name ?? "",
      message: wire.message ?? "",
      retriable: wire.retriable ?? false,
      leaderHint: { nodeId: 2, endpoint: "localhost:9093", epoch: 7 },
    });
    expect(back?.code).toBe("NOT_LEADER_OR_FOLLOWER");
    expect(back?.leaderHint).toEqual({ nodeId: 2, endpoint: "localhost:9093", epoch: 7 });
    expect(back?.retriable).toBe(true);
  });

  it("read code 0 as success", () => {
    expect(errorFromWire({ code: 0, name: "NONE", message: "", retriable: false, leaderHint: null })).toBeNull();
  });
});

describe("a gRPC round trip through the loaded contract", () => {
  let server: Server;
  let client: BrokerClient;

  beforeAll(async () => {
    const { proto } = loadProtos();
    server = new Server(CHANNEL_OPTIONS);
    const handlers: Partial<BrokerHandlers> = {
      Metadata(call, callback) {
        if (call.request.topics.includes("elsewhere")) {
          callback(
            toServiceError(
              new TributaryError("NOT_CONTROLLER", "controller 3 is active", { leaderHint: { nodeId: 3, endpoint: "c3:9191" } }),
            ),
          );
          return;
        }
        callback(null, { clusterId: "c-1", controllerId: 1, metadataOffset: "9007199254740993", brokers: [], topics: [] });
      },
      Fetch(call, callback) {
        const partition = call.request.topics[0]?.partitions[0];
        callback(null, {
          topics: [
            {
              name: "t",
              partitions: [
                {
                  partition: partition?.partition ?? -1,
                  error: errorToWire(new TributaryError("OFFSET_OUT_OF_RANGE")),
                  highWatermark: partition?.fetchOffset ?? "0",
                  records: Buffer.from([1, 2, 3]),
                },
              ],
            },
          ],
        });
      },
    };
    server.addService(proto.tributary.v1.Broker.service, handlers as BrokerHandlers);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    client = new proto.tributary.v1.Broker(`127.0.0.1:${port}`, credentials.createInsecure(), CHANNEL_OPTIONS);
  });

  afterAll(async () => {
    client.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  });

  it("carries int64 beyond 2^53 losslessly as decimal strings", async () => {
    const response = await new Promise<MetadataResponse__Output>((resolve, reject) =>
      client.Metadata({ topics: [] }, (error, value) => (error || !value ? reject(error) : resolve(value))),
    );
    expect(response.metadataOffset).toBe("9007199254740993");
    expect(BigInt(response.metadataOffset)).toBe(9007199254740993n);
  });

  it("carries bytes as Buffers and per-item errors", async () => {
    const response = await new Promise<FetchResponse__Output>((resolve, reject) =>
      client.Fetch(
        { topics: [{ name: "t", partitions: [{ partition: 4, fetchOffset: "12345678901234" }] }] },
        (error, value) => (error || !value ? reject(error) : resolve(value)),
      ),
    );
    const result = response.topics[0]?.partitions[0];
    expect(result?.partition).toBe(4);
    expect(result?.highWatermark).toBe("12345678901234");
    expect(Buffer.isBuffer(result?.records)).toBe(true);
    expect([...(result?.records ?? [])]).toEqual([1, 2, 3]);
    expect(errorFromWire(result?.error)?.code).toBe("OFFSET_OUT_OF_RANGE");
  });

  it("turns an RPC-level error into a TributaryError with its leader hint", async () => {
    const error = await new Promise<ServiceError>((resolve, reject) =>
      client.Metadata({ topics: ["elsewhere"] }, (failure) => (failure ? resolve(failure) : reject(new Error("expected a failure")))),
    );
    const typed = fromServiceError(error);
    expect(typed.code).toBe("NOT_CONTROLLER");
    expect(typed.message).toBe("controller 3 is active");
    expect(typed.leaderHint).toEqual({ nodeId: 3, endpoint: "c3:9191" });
    expect(typed.retriable).toBe(true);
  });

  it("maps a transport failure to NETWORK_EXCEPTION", async () => {
    const { proto } = loadProtos();
    const nowhere = new proto.tributary.v1.Broker("127.0.0.1:1", credentials.createInsecure());
    const error = await new Promise<ServiceError>((resolve, reject) =>
      nowhere.Metadata({ topics: [] }, { deadline: Date.now() + 2_000 }, (failure) => (failure ? resolve(failure) : reject(new Error("expected a failure")))),
    );
    nowhere.close();
    expect(["NETWORK_EXCEPTION", "REQUEST_TIMED_OUT"]).toContain(fromServiceError(error).code);
  });
});
