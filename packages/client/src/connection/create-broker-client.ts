import { credentials, type ChannelOptions } from "@grpc/grpc-js";
import type { BrokerClient } from "../generated/tributary/v1/Broker.js";
import { CHANNEL_OPTIONS } from "../wire/channel-options.js";
import { loadProtos } from "../wire/load-protos.js";

/**
 * CLIENT_CHANNEL_OPTIONS add reconnect pacing to the shared channel options. grpc-js starts at a
 * 1 s reconnect backoff growing to 120 s; a client must find a restarted broker within its
 * connection timeout, so it retries from 100 ms and never waits more than 5 s between tries.
 */
export const CLIENT_CHANNEL_OPTIONS: ChannelOptions = {
  ...CHANNEL_OPTIONS,
  "grpc.initial_reconnect_backoff_ms": 100,
  "grpc.max_reconnect_backoff_ms": 5_000,
};

/**
 * createBrokerClient is the transport layer: one grpc-js channel (one HTTP/2 connection,
 * multiplexing every call) to the broker at `target` ("host:port").
 */
export function createBrokerClient(target: string): BrokerClient {
  const { proto } = loadProtos();
  return new proto.tributary.v1.Broker(target, credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS);
}
