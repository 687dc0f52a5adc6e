import type { ClusterDescription } from "../../admin/admin-types.js";
import { alignedTable } from "../format/table.js";

/**
 * brokerLines describes the cluster's brokers: the cluster id and active controller, then one
 * row per registered broker (fenced ones too) with its client address, rack, state and epoch.
 */
export function brokerLines(cluster: ClusterDescription): string[] {
  return [
    `ClusterId: ${cluster.clusterId}`,
    `ActiveController: ${cluster.controller ?? "none"}`,
    `Controllers: ${cluster.controllers.map((controller) => `${controller.nodeId}@${controller.endpoint}`).join(",")}`,
    "",
    ...alignedTable(
      ["BrokerId", "Host", "Port", "Rack", "State", "BrokerEpoch"],
      cluster.brokers.map((broker) => [String(broker.nodeId), broker.host, String(broker.port), broker.rack ?? "-", broker.state, String(broker.brokerEpoch)]),
    ),
  ];
}
