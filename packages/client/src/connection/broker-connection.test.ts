/**
 * The broker-connection layer against a real gRPC fake broker: one method per RPC, deadlines,
 * request / timeout / connect / disconnect events, cancellation on close, and connection errors.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TributaryError } from "../errors/tributary-error.js";
import type { NetworkEvents } from "../instrumentation/network-events.js";
import { NOOP_LOGGER } from "../logging/logger.js";
import { FakeBroker } from "../testing/fake-broker.js";
import { deadAddress } from "../testing/fake-cluster.js";
import { SYSTEM_CLOCK } from "../time/clock.js";
import { NO_ERROR } from "../wire/wire-errors.js";
import { parseBrokerAddress } from "./broker-address.js";
import { BrokerConnection } from "./broker-connection.js";

type Seen = { [K in keyof NetworkEvents]: { type: K; payload: NetworkEvents[K] } }[keyof NetworkEvents];

let broker: FakeBroker;
let connection: BrokerConnection | undefined;
let events: Seen[];

function connect(address: string, requestTimeoutMs = 5_000): BrokerConnection {
  connection = new BrokerConnection({
    address: parseBrokerAddress(address),
    nodeId: 7,
    clientId: "c",
    requestTimeoutMs,
    connectionTimeoutMs: 2_000,
    logger: NOOP_LOGGER,
    clock: SYSTEM_CLOCK,
    observer: (type, payload) => events.push({ type, payload } as Seen),
  });
  return connection;
}

beforeEach(async () => {
  events = [];
  broker = await FakeBroker.start(7);
  broker.handle("DescribeQuorum", () => ({ error: NO_ERROR, leaderId: 1, leaderEpoch: "3", highWatermark: "10", voters: [], observers: [] }));
});

afterEach(async () => {
  connection?.close();
  await broker.stop();
});

describe("BrokerConnection", () => {
  it("calls the RPC and reports connect, then the request with its duration", async () => {
    const response = await connect(broker.address).describeQuorum({});
    expect(response.leaderEpoch).toBe("3");
    expect(events.map((event) => event.type)).toEqual(["connect", "request"]);
    const request = events[1];
    expect(request?.type === "request" && request.payload).toMatchObject({ broker: broker.address, nodeId: 7, apiName: "DescribeQuorum", clientId: "c" });
    expect(request?.type === "request" && request.payload.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("passes RPC-level errors through as TributaryError with their code", async () => {
    broker.handle("DescribeCluster", () => {
      throw new TributaryError("NOT_CONTROLLER", "ask 3", { leaderHint: { nodeId: 3 } });
    });
    const error = await connect(broker.address).describeCluster({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TributaryError);
    expect((error as TributaryError).code).toBe("NOT_CONTROLLER");
    expect((error as TributaryError).leaderHint?.nodeId).toBe(3);
    expect(events.at(-1)).toMatchObject({ type: "request", payload: { errorCode: "NOT_CONTROLLER" } });
  });

  it("times out at the deadline and reports request_timeout", async () => {
    broker.requestFault = () => ({ kind: "hang" });
    const error = await connect(broker.address, 200).describeQuorum({}).catch((caught: unknown) => caught);
    expect((error as TributaryError).code).toBe("REQUEST_TIMED_OUT");
    expect(events.map((event) => event.type)).toContain("request_timeout");
  });

  it("cancels calls in flight when closed", async () => {
    broker.requestFault = () => ({ kind: "hang" });
    const live = connect(broker.address);
    const pending = live.describeQuorum({}).catch((caught: unknown) => caught);
    while (broker.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(live.inFlightRequests).toBe(1);
    live.close();
    const error = (await pending) as TributaryError;
    expect(error.code).toBe("NETWORK_EXCEPTION");
    expect(error.message).toMatch(/closed by this client/);
    expect(events.map((event) => event.type)).toContain("disconnect");
  });

  it("fails fast with NETWORK_EXCEPTION when nothing listens", async () => {
    const error = (await connect(await deadAddress()).describeQuorum({}).catch((caught: unknown) => caught)) as TributaryError;
    expect(error.code).toBe("NETWORK_EXCEPTION");
    expect(error.retriable).toBe(true);
    expect(error.message).toMatch(/could not connect to broker 127\.0\.0\.1:\d+/);
  });
});
