import { TributaryError } from "../errors/tributary-error.js";

/** BrokerAddress is where a broker listens. */
export interface BrokerAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * parseBrokerAddress reads "host:port" (IPv6 hosts in brackets: "[::1]:9092").
 *
 * @throws TributaryError INVALID_CONFIG when the text is not host:port with a port in 1..65535.
 */
export function parseBrokerAddress(text: string): BrokerAddress {
  const match = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text.trim());
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new TributaryError("INVALID_CONFIG", `broker address "${text}" is not host:port (e.g. "localhost:9092" or "[::1]:9092")`);
  }
  return { host, port };
}

/** formatBrokerAddress writes an address as gRPC targets and our errors spell it. */
export function formatBrokerAddress(address: BrokerAddress): string {
  return address.host.includes(":") ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}
