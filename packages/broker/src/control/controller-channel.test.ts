/**
 * ControllerChannel routing over a scripted transport and a virtual clock: hints, rotation,
 * backoff, deadlines and shutdown, each step checked exactly.
 */
import type { ClientReadableStream } from "@grpc/grpc-js";
import { TributaryError, type ErrorName } from "@tributary/client/internal/errors";
import type { MetadataChunk__Output } from "@tributary/client/internal/generated/tributary/v1/MetadataChunk";
import { describe, expect, it } from "vitest";
import { ControllerChannel } from "./controller-channel.js";
import type { ControllerMethod, ControllerRequest, ControllerResponse } from "./controller-methods.js";
import type { ControllerTransport } from "./controller-transport.js";
import { InstantScheduler } from "./testing/instant-scheduler.js";

type Answer = "ok" | ErrorName | { code: "NOT_CONTROLLER"; hint: number } | "hang";

/** ScriptedTransport answers each attempt from a per-voter script (the last answer repeats). */
class ScriptedTransport implements ControllerTransport {
  readonly attempts: Array<{ voterId: number; timeoutMs: number }> = [];
  readonly #scripts: Map<number, Answer[]>;
  readonly #scheduler: InstantScheduler;
  /** How much virtual time each attempt takes. */
  readonly #attemptCostMs: number;
  closed = false;

  constructor(scripts: Record<number, Answer[]>, scheduler: InstantScheduler, attemptCostMs: number) {
    this.#scripts = new Map(Object.entries(scripts).map(([id, answers]) => [Number(id), [...answers]]));
    this.#scheduler = scheduler;
    this.#attemptCostMs = attemptCostMs;
  }

  call<M extends ControllerMethod>(voterId: number, _method: M, _request: ControllerRequest<M>, timeoutMs: number): Promise<ControllerResponse<M>> {
    this.attempts.push({ voterId, timeoutMs });
    this.#scheduler.advanceMs(this.#attemptCostMs);
    const script = this.#scripts.get(voterId) ?? ["NETWORK_EXCEPTION"];
    const answer = (script.length > 1 ? script.shift() : script[0]) ?? "NETWORK_EXCEPTION";
    if (answer === "hang") return new Promise(() => {});
    if (answer === "ok") return Promise.resolve({ error: null, voterId } as unknown as ControllerResponse<M>);
    if (typeof answer === "object") return Promise.reject(new TributaryError("NOT_CONTROLLER", "not me", { leaderHint: { nodeId: answer.hint } }));
    return Promise.reject(new TributaryError(answer));
  }

  streamMetadata(): ClientReadableStream<MetadataChunk__Output> {
    throw new Error("not used");
  }

  close(): void {
    this.closed = true;
  }
}

const voters = [1, 2, 3].map((nodeId) => ({ nodeId, host: "127.0.0.1", port: 9000 + nodeId }));
const policy = { initialMs: 50, maxMs: 400, multiplier: 2, jitter: 0.2 };

function channelOver(scripts: Record<number, Answer[]>, options: { attemptCostMs?: number; callTimeoutMs?: number } = {}) {
  const scheduler = new InstantScheduler();
  const transport = new ScriptedTransport(scripts, scheduler, options.attemptCostMs ?? 0);
  // random() = 0.5: no jitter, and the first voter tried is voters[floor(0.5 * 3)] = voter 2.
  const channel = new ControllerChannel({ voters, transport, scheduler, random: () => 0.5, backoff: policy, attemptTimeoutMs: 1_000, callTimeoutMs: options.callTimeoutMs ?? 10_000 });
  const changes: Array<number | undefined> = [];
  channel.onActiveControllerChange((id) => changes.push(id));
  return { channel, transport, scheduler, changes };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return (error as TributaryError).code;
  }
}

describe("ControllerChannel", () => {
  it("follows a NOT_CONTROLLER hint at once and remembers the active controller", async () => {
    const { channel, transport, scheduler, changes } = channelOver({ 2: [{ code: "NOT_CONTROLLER", hint: 3 }], 3: ["ok"] });
    await channel.call("DescribeCluster", {});
    expect(transport.attempts.map((attempt) => attempt.voterId)).toEqual([2, 3]);
    expect(scheduler.delaysMs).toEqual([]);
    expect(channel.activeControllerId).toBe(3);
    expect(changes).toEqual([3]);

    await channel.call("DescribeCluster", {});
    expect(transport.attempts.map((attempt) => attempt.voterId)).toEqual([2, 3, 3]);
  });

  it("rotates through the voters on network errors, backing off exponentially", async () => {
    const { channel, transport, scheduler } = channelOver({ 2: ["NETWORK_EXCEPTION"], 3: ["REQUEST_TIMED_OUT"], 1: ["NETWORK_EXCEPTION", "ok"] });
    await channel.call("DescribeCluster", {});
    expect(transport.attempts.map((attempt) => attempt.voterId)).toEqual([2, 3, 1, 2, 3, 1]);
    expect(scheduler.delaysMs).toEqual([50, 100, 200, 400, 400]);
    expect(channel.activeControllerId).toBe(1);
  });

  it("forgets an active controller that stops answering", async () => {
    const { channel, changes } = channelOver({ 2: ["ok", "NETWORK_EXCEPTION"], 3: ["ok"] });
    await channel.call("DescribeCluster", {});
    await channel.call("DescribeCluster", {});
    expect(changes).toEqual([2, undefined, 3]);
  });

  it("backs off when there is no usable hint (an election) or voters point at each other", async () => {
    const noHint = channelOver({ 2: ["NOT_CONTROLLER"], 3: ["ok"] });
    await noHint.channel.call("DescribeCluster", {});
    expect(noHint.transport.attempts.map((attempt) => attempt.voterId)).toEqual([2, 3]);
    expect(noHint.scheduler.delaysMs).toEqual([50]);

    const unknownNode = channelOver({ 2: [{ code: "NOT_CONTROLLER", hint: 42 }], 3: ["ok"] });
    await unknownNode.channel.call("DescribeCluster", {});
    expect(unknownNode.scheduler.delaysMs).toEqual([50]);

    const pingPong = channelOver({ 1: [{ code: "NOT_CONTROLLER", hint: 2 }], 2: [{ code: "NOT_CONTROLLER", hint: 1 }, { code: "NOT_CONTROLLER", hint: 1 }, "ok"] });
    await pingPong.channel.call("DescribeCluster", {});
    // Three hints followed without waiting (one per voter), then a backoff before the next.
    expect(pingPong.transport.attempts.map((attempt) => attempt.voterId)).toEqual([2, 1, 2, 1, 2]);
    expect(pingPong.scheduler.delaysMs).toEqual([50]);
  });

  it("hands the caller its own errors without retrying", async () => {
    const { channel, transport } = channelOver({ 2: ["STALE_BROKER_EPOCH"] });
    expect(await codeOf(channel.call("BrokerHeartbeat", { brokerId: 1, brokerEpoch: "5" }))).toBe("STALE_BROKER_EPOCH");
    expect(transport.attempts).toHaveLength(1);
  });

  it("bounds a call by its deadline: attempts get what is left, and the last error is the cause", async () => {
    const { channel, transport } = channelOver({}, { attemptCostMs: 300 });
    let error: TributaryError | undefined;
    try {
      await channel.call("DescribeCluster", {}, { timeoutMs: 1_500 });
    } catch (thrown) {
      error = thrown as TributaryError;
    }
    expect(error?.code).toBe("REQUEST_TIMED_OUT");
    expect((error?.cause as TributaryError).code).toBe("NETWORK_EXCEPTION");
    // Attempts start at 0, 350, 750 and 1,250 ms (300 ms each, then 50, 100, 200 ms of backoff);
    // each gets the smaller of the attempt timeout and what is left of the 1,500 ms.
    expect(transport.attempts.map((attempt) => attempt.timeoutMs)).toEqual([1_000, 1_000, 750, 250]);
  });

  it("fails calls in flight with SHUTTING_DOWN when closed, and refuses new ones", async () => {
    const { channel, transport } = channelOver({ 2: ["hang"] });
    const pending = channel.call("DescribeCluster", {});
    channel.close();
    expect(await codeOf(pending)).toBe("SHUTTING_DOWN");
    expect(transport.closed).toBe(true);
    expect(await codeOf(channel.call("DescribeCluster", {}))).toBe("SHUTTING_DOWN");
  });
});
