import { BrokerConnection, type BrokerConnectionOptions } from "../connection/broker-connection.js";
import { formatBrokerAddress, type BrokerAddress } from "../connection/broker-address.js";

/** BrokerPoolOptions are what every connection of a pool shares. */
export type BrokerPoolOptions = Omit<BrokerConnectionOptions, "address" | "nodeId">;

/**
 * BrokerPool holds one connection per broker address, so a bootstrap address and the node it
 * turns out to be share a connection. Connections are made on first use.
 */
export class BrokerPool {
  private readonly options: BrokerPoolOptions;
  private readonly byAddress = new Map<string, BrokerConnection>();
  private closed = false;

  constructor(options: BrokerPoolOptions) {
    this.options = options;
  }

  /**
   * connection returns the connection to `address`, making it if needed; `nodeId` (when known)
   * labels it. After {@link closeAll}, it returns closed connections whose calls fail.
   */
  connection(address: BrokerAddress, nodeId = -1): BrokerConnection {
    const key = formatBrokerAddress(address);
    let connection = this.byAddress.get(key);
    if (connection === undefined || (connection.isClosed && !this.closed)) {
      connection = new BrokerConnection({ ...this.options, address, nodeId });
      if (this.closed) connection.close();
      else this.byAddress.set(key, connection);
    } else if (nodeId >= 0 && connection.nodeId !== nodeId) {
      connection.identify(nodeId);
    }
    return connection;
  }

  /** closeAll closes every connection; the pool makes no new live ones afterwards. */
  closeAll(): void {
    this.closed = true;
    for (const connection of this.byAddress.values()) connection.close();
    this.byAddress.clear();
  }

  /** reopen lets a pool closed by {@link closeAll} make connections again (reconnect after disconnect). */
  reopen(): void {
    this.closed = false;
  }
}
