/**
 * Broker lifecycle on real processes: SIGTERM moves the broker's leaderships away before it
 * stops (controlled shutdown) and the next start skips log recovery; SIGKILL makes the next start
 * recover its logs, and the broker rejoins the ISR once caught up.
 */
import { unaryCall } from "@tributary/client/internal/wire";
import { afterEach, describe, expect, it } from "vitest";
import { TestCluster } from "./harness/cluster.js";
import { createTopic, produceValuesToLeader, readAll, waitForIsr } from "./harness/records.js";

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

describe("broker lifecycle", () => {
  it("hands leaderships away on SIGTERM, restarts without recovery, and recovers after SIGKILL", async () => {
    cluster = await TestCluster.start({ brokers: 3 });
    await createTopic(cluster, "lifecycle", 3, 3, { "min.insync.replicas": "2" });
    for (let partition = 0; partition < 3; partition++) await produceValuesToLeader(cluster, "lifecycle", partition, [`p${partition}`]);
    const leader = await cluster.partitionLeader("lifecycle", 0);

    expect(await leader.process.stop()).toBe(0);
    expect(leader.process.output).toMatch(/controlled shutdown: completed/);
    const metadata = await unaryCall(cluster.anyBroker().client, "Metadata", { topics: ["lifecycle"] }, 5_000);
    for (const partition of metadata.topics[0]!.partitions) expect(partition.leader).not.toBe(leader.nodeId);
    await produceValuesToLeader(cluster, "lifecycle", 0, ["while-stopped"]);

    leader.process.start();
    await waitForIsr(cluster, "lifecycle", 0, [101, 102, 103]);
    expect(leader.process.output).toMatch(/opened lifecycle-0 after a clean shutdown/);
    expect(leader.process.output).not.toMatch(/recovered lifecycle-/);

    await leader.process.kill9();
    leader.process.start();
    await waitForIsr(cluster, "lifecycle", 0, [101, 102, 103]);
    expect(leader.process.output).toMatch(/recovered lifecycle-0 from offset/);
    const records = await readAll(await cluster.partitionLeader("lifecycle", 0), "lifecycle", 0);
    expect(records.map((record) => record.value)).toEqual(["p0", "while-stopped"]);
  });
});
