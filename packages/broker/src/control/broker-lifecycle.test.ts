/**
 * BrokerLifecycle against a scripted controller: the paths a real controller takes rarely
 * (refusals, fencing of a running broker, a controller that never lets go) are scripted here; the
 * common ones run against a real controller in control-plane.test.ts.
 */
import { TributaryError } from "@tributary/client/internal/errors";
import type { BrokerHeartbeatRequest } from "@tributary/client/internal/generated/tributary/v1/BrokerHeartbeatRequest";
import { afterEach, describe, expect, it } from "vitest";
import type { BrokerLifecycleState } from "./broker-lifecycle-state.js";
import { BrokerLifecycle, type BrokerLifecycleOptions } from "./broker-lifecycle.js";
import type { ControllerMethod, ControllerRequest, ControllerResponse } from "./controller-methods.js";

type Heartbeat = (request: BrokerHeartbeatRequest) => { isFenced: boolean; shouldShutDown?: boolean } | TributaryError;

/** ScriptedController answers registrations from a queue (the last answer repeats) and heartbeats from a function. */
class ScriptedController {
  readonly registrations: string[] = [];
  readonly heartbeats: BrokerHeartbeatRequest[] = [];
  readonly #registerAnswers: Array<number | TributaryError>;
  heartbeat: Heartbeat;

  constructor(registerAnswers: Array<number | TributaryError>, heartbeat: Heartbeat) {
    this.#registerAnswers = registerAnswers;
    this.heartbeat = heartbeat;
  }

  call<M extends ControllerMethod>(method: M, request: ControllerRequest<M>): Promise<ControllerResponse<M>> {
    if (method === "RegisterBroker") {
      const incarnation = (request as ControllerRequest<"RegisterBroker">).incarnationId ?? "";
      this.registrations.push(incarnation);
      const answer = this.#registerAnswers.length > 1 ? this.#registerAnswers.shift() : this.#registerAnswers[0];
      if (answer instanceof TributaryError || answer === undefined) return Promise.reject(answer ?? new TributaryError("NETWORK_EXCEPTION"));
      return Promise.resolve({ error: null, brokerEpoch: String(answer) } as unknown as ControllerResponse<M>);
    }
    if (method === "BrokerHeartbeat") {
      const heartbeat = request as BrokerHeartbeatRequest;
      this.heartbeats.push(heartbeat);
      const answer = this.heartbeat(heartbeat);
      if (answer instanceof TributaryError) return Promise.reject(answer);
      return Promise.resolve({ error: null, isCaughtUp: true, isFenced: answer.isFenced, shouldShutDown: answer.shouldShutDown ?? false } as unknown as ControllerResponse<M>);
    }
    return Promise.reject(new Error(`unexpected ${method}`));
  }
}

/** The controller's own rule, simplified: a broker is unfenced when it does not ask to be fenced. */
const honest: Heartbeat = (request) => ({ isFenced: request.wantFence === true, shouldShutDown: request.wantShutDown === true });

const lifecycles: BrokerLifecycle[] = [];
afterEach(async () => {
  for (const lifecycle of lifecycles.splice(0)) await lifecycle.close();
});

function startLifecycle(controller: ScriptedController, options: Partial<BrokerLifecycleOptions> = {}) {
  const fatal: TributaryError[] = [];
  const states: BrokerLifecycleState[] = [];
  const lifecycle = new BrokerLifecycle({
    brokerId: 7,
    clusterId: "c1",
    endpoints: [{ listener: "PLAINTEXT", host: "h", port: 1 }],
    rack: "r1",
    heartbeatIntervalMs: 5,
    channel: controller,
    metadata: { appliedOffset: 100, caughtUp: () => Promise.resolve(), whenApplied: () => Promise.resolve() },
    backoff: { initialMs: 1, maxMs: 5, multiplier: 2, jitter: 0 },
    incarnationId: "incarnation-1",
    ...options,
    onFatal: (error) => fatal.push(error),
  });
  lifecycle.onStateChange((state) => states.push(state));
  lifecycles.push(lifecycle);
  lifecycle.start();
  return { lifecycle, fatal, states };
}

describe("BrokerLifecycle", () => {
  it("treats INCONSISTENT_CLUSTER_ID as fatal", async () => {
    const controller = new ScriptedController([new TributaryError("INCONSISTENT_CLUSTER_ID")], honest);
    const { lifecycle, fatal } = startLifecycle(controller);
    await expect(lifecycle.whenState("running")).rejects.toMatchObject({ code: "SHUTTING_DOWN" });
    expect(fatal.map((error) => error.code)).toEqual(["INCONSISTENT_CLUSTER_ID"]);
    expect(controller.registrations).toHaveLength(1);
  });

  it("retries registration until the controller accepts it, with one incarnation id", async () => {
    const controller = new ScriptedController([new TributaryError("DUPLICATE_BROKER_REGISTRATION"), new TributaryError("REQUEST_TIMED_OUT"), 42], honest);
    const { lifecycle, states } = startLifecycle(controller);
    await lifecycle.whenState("running");
    expect(controller.registrations).toEqual(["incarnation-1", "incarnation-1", "incarnation-1"]);
    expect(lifecycle.brokerEpoch).toBe(42);
    expect(states).toEqual(["recovery", "running"]);
    expect(controller.heartbeats[0]).toMatchObject({ brokerId: 7, brokerEpoch: "42", currentMetadataOffset: "100" });
  });

  it("asks to stay fenced until metadata has caught up and the broker is ready", async () => {
    let caughtUp = () => {};
    let ready = () => {};
    const controller = new ScriptedController([3], honest);
    const { lifecycle } = startLifecycle(controller, {
      metadata: { appliedOffset: 3, caughtUp: () => new Promise((resolve) => (caughtUp = resolve)), whenApplied: () => Promise.resolve() },
      readyToUnfence: new Promise((resolve) => (ready = resolve)),
    });
    const nextHeartbeat = () => new Promise<void>((resolve) => (controller.heartbeat = (request) => (resolve(), honest(request))));
    await nextHeartbeat();
    caughtUp();
    // Two more heartbeats: the second is surely sent after the catch-up was noticed.
    await nextHeartbeat();
    await nextHeartbeat();
    expect(lifecycle.state).toBe("recovery");
    ready();
    await lifecycle.whenState("running");
    const flags = controller.heartbeats.map((heartbeat) => heartbeat.wantFence);
    expect(flags.at(-1)).toBe(false);
    expect(flags.slice(0, -1).every((wantFence) => wantFence)).toBe(true);
  });

  it("goes back to recovery when the controller fences a running broker, and runs again once unfenced", async () => {
    const controller = new ScriptedController([5], honest);
    const { lifecycle, states } = startLifecycle(controller);
    await lifecycle.whenState("running");
    let fenceOnce = true;
    controller.heartbeat = (request) => {
      if (!fenceOnce) return honest(request);
      fenceOnce = false;
      return { isFenced: true };
    };
    await lifecycle.whenState("recovery");
    await lifecycle.whenState("running");
    expect(states).toEqual(["recovery", "running", "recovery", "running"]);
    expect(lifecycle.brokerEpoch).toBe(5);
  });

  it("gives up a controlled shutdown the controller never completes, at the timeout", async () => {
    const controller = new ScriptedController([5], (request) => ({ isFenced: request.wantFence === true, shouldShutDown: false }));
    const { lifecycle, states } = startLifecycle(controller);
    await lifecycle.whenState("running");
    expect(await lifecycle.beginControlledShutdown(50)).toBe("timed-out");
    expect(states.slice(-2)).toEqual(["pending-controlled-shutdown", "shutting-down"]);
    expect(controller.heartbeats.some((heartbeat) => heartbeat.wantShutDown)).toBe(true);
  });

  it("ends a controlled shutdown as unregistered when its registration was replaced", async () => {
    const controller = new ScriptedController([5], honest);
    const { lifecycle } = startLifecycle(controller);
    await lifecycle.whenState("running");
    controller.heartbeat = (request) => (request.wantShutDown ? new TributaryError("STALE_BROKER_EPOCH") : honest(request));
    expect(await lifecycle.beginControlledShutdown(10_000)).toBe("unregistered");
    expect(controller.registrations).toHaveLength(1);
  });

  it("shuts down without asking when it never registered, and stops heartbeating when closed", async () => {
    const unregistered = startLifecycle(new ScriptedController([new TributaryError("NETWORK_EXCEPTION")], honest));
    expect(await unregistered.lifecycle.beginControlledShutdown()).toBe("unregistered");
    expect(unregistered.lifecycle.state).toBe("shutting-down");

    const controller = new ScriptedController([5], honest);
    const { lifecycle } = startLifecycle(controller);
    await lifecycle.whenState("running");
    await lifecycle.close();
    const sent = controller.heartbeats.length;
    expect(lifecycle.state).toBe("shutting-down");
    expect(await lifecycle.beginControlledShutdown()).toBe("closed");
    expect(controller.heartbeats).toHaveLength(sent);
  });
});
