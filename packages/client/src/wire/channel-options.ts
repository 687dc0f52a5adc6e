import type { ChannelOptions } from "@grpc/grpc-js";

/** MESSAGE_BYTES_MAX bounds one gRPC message: a produce or fetch carrying many batches fits. */
export const MESSAGE_BYTES_MAX = 64 * 1024 * 1024;

/**
 * FLOW_CONTROL_WINDOW_BYTES is the HTTP/2 window. With grpc-js's default 64 KiB window, 1 MiB
 * calls move at about 370 MB/s on our 2-core machines; with 16 MiB, about 630 MB/s (DESIGN.md,
 * decision 12). The transport is the ceiling, so the window is large.
 */
export const FLOW_CONTROL_WINDOW_BYTES = 16 * 1024 * 1024;

/**
 * CHANNEL_OPTIONS are the options every Tributary client channel and server uses: large messages,
 * large flow-control windows, keepalive so a dead peer is noticed without a request in flight.
 */
export const CHANNEL_OPTIONS: ChannelOptions = {
  "grpc.max_receive_message_length": MESSAGE_BYTES_MAX,
  "grpc.max_send_message_length": MESSAGE_BYTES_MAX,
  "grpc-node.flow_control_window": FLOW_CONTROL_WINDOW_BYTES,
  "grpc.keepalive_time_ms": 10_000,
  "grpc.keepalive_timeout_ms": 5_000,
  "grpc.keepalive_permit_without_calls": 1,
  "grpc.http2.min_time_between_pings_ms": 5_000,
  "grpc.http2.max_pings_without_data": 0,
};
