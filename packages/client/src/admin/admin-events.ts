import type { BrokerEventPayload, RequestEventPayload, RequestTimeoutEventPayload } from "../instrumentation/network-events.js";

/** AdminEvents are the admin client's instrumentation events (`admin.on(type, listener)`). */
export interface AdminEvents {
  readonly "admin.connect": Record<string, never>;
  readonly "admin.disconnect": Record<string, never>;
  readonly "admin.network.connect": BrokerEventPayload;
  readonly "admin.network.disconnect": BrokerEventPayload;
  readonly "admin.network.request": RequestEventPayload;
  readonly "admin.network.request_timeout": RequestTimeoutEventPayload;
}
