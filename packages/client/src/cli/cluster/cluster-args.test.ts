import { describe, expect, it } from "vitest";
import type { ClusterDescription } from "../../admin/admin-types.js";
import { parseFlags } from "../args/parse-flags.js";
import { brokerLines } from "./brokers-format.js";
import { CLUSTER_SPEC, clusterAction } from "./cluster-args.js";

const action = (argv: readonly string[]) => clusterAction(parseFlags(argv, CLUSTER_SPEC));

describe("cluster flags", () => {
  it("describes everything by default and only the sections asked for otherwise", () => {
    expect(action([])).toEqual({ brokers: true, status: true, replication: true, humanReadable: false });
    expect(action(["--status"])).toEqual({ brokers: false, status: true, replication: false, humanReadable: false });
    expect(action(["--replication", "--human-readable", "--brokers"])).toEqual({ brokers: true, status: false, replication: true, humanReadable: true });
  });

  it("explains misplaced flags", () => {
    expect(() => action(["--status", "--human-readable"])).toThrow("--human-readable only applies with --replication");
    expect(() => action(["status"])).toThrow('unexpected argument "status"');
  });
});

describe("broker listing", () => {
  it("prints the cluster id, the active controller and a row per broker", () => {
    const cluster: ClusterDescription = {
      clusterId: "c1",
      controller: 2,
      controllers: [
        { nodeId: 1, endpoint: "localhost:9191" },
        { nodeId: 2, endpoint: "localhost:9192" },
      ],
      brokers: [
        { nodeId: 101, host: "localhost", port: 9092, rack: null, state: "unfenced", brokerEpoch: 12n, endpoints: [] },
        { nodeId: 102, host: "broker-2.internal", port: 9093, rack: "az-b", state: "fenced", brokerEpoch: 30n, endpoints: [] },
      ],
    };
    expect(brokerLines(cluster)).toEqual([
      "ClusterId: c1",
      "ActiveController: 2",
      "Controllers: 1@localhost:9191,2@localhost:9192",
      "",
      "BrokerId\tHost             \tPort\tRack\tState   \tBrokerEpoch",
      "101     \tlocalhost        \t9092\t-   \tunfenced\t12",
      "102     \tbroker-2.internal\t9093\taz-b\tfenced  \t30",
    ]);
  });
});
