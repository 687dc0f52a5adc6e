/**
 * Controller quorum benchmark (`npm run bench:quorum`): three controller processes on this host.
 * 1. Failover: SIGKILL the active controller and time until another one answers as leader
 *    (DescribeQuorum, polled every 10 ms), 20 times; the killed one is restarted in between.
 * 2. Throughput: metadata records committed per second, for one-record operations issued one
 *    after another (each waits for its own commit), and for CreateTopics requests of 50 topics
 *    with 4 partitions each (one Raft entry carrying hundreds of records).
 */
import { unaryCall } from "@tributary/client/internal/wire";
import { TestCluster } from "../harness/cluster.js";
import { waitFor } from "../harness/wait.js";

const FAILOVERS = Number(process.env.FAILOVERS ?? 20);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const cluster = await TestCluster.start({ controllerProperties: { "broker.session.timeout.ms": "600000" } });
try {
  const failoverMs: number[] = [];
  for (let i = 0; i < FAILOVERS; i++) {
    const leader = await cluster.activeController();
    const started = performance.now();
    await leader.process.kill9();
    await waitFor("a new leader", async () => {
      for (const controller of cluster.controllers) {
        if (!controller.process.running) continue;
        const quorum = await unaryCall(controller.client, "DescribeQuorum", {}, 200).catch(() => undefined);
        if (quorum?.leaderId === controller.nodeId) return true;
      }
      return undefined;
    }, 30_000, 10);
    failoverMs.push(performance.now() - started);
    leader.process.start();
    await waitFor("the killed controller to rejoin", async () => {
      const active = await cluster.activeController();
      const quorum = await unaryCall(active.client, "DescribeQuorum", {}, 1_000);
      return quorum.voters.every((voter) => Number(voter.logEndOffset) >= Number(quorum.highWatermark)) ? true : undefined;
    });
  }
  console.log(`failover after SIGKILL of the active controller (${FAILOVERS} runs): median ${median(failoverMs).toFixed(0)} ms, min ${Math.min(...failoverMs).toFixed(0)} ms, max ${Math.max(...failoverMs).toFixed(0)} ms`);

  const leader = await cluster.activeController();
  const epochs = new Map<number, string>();
  for (const brokerId of [101, 102, 103]) {
    const { brokerEpoch } = await unaryCall(leader.client, "RegisterBroker", { clusterId: cluster.clusterId, brokerId, incarnationId: `i-${brokerId}`, endpoints: [{ listener: "PLAINTEXT", host: "127.0.0.1", port: 19000 + brokerId }] }, 5_000);
    epochs.set(brokerId, brokerEpoch);
    await waitFor("unfenced", async () => ((await unaryCall(leader.client, "BrokerHeartbeat", { brokerId, brokerEpoch, currentMetadataOffset: "100000000" }, 5_000)).isFenced ? undefined : true));
  }
  const brokerEpoch = epochs.get(101)!;

  const singleOps = 500;
  let started = performance.now();
  for (let i = 0; i < singleOps; i++) await unaryCall(leader.client, "AllocateProducerIds", { brokerId: 101, brokerEpoch }, 5_000);
  let seconds = (performance.now() - started) / 1000;
  console.log(`one-record operations, sequential: ${(singleOps / seconds).toFixed(0)} records/s (${((seconds / singleOps) * 1000).toFixed(2)} ms each)`);

  const concurrentOps = 500;
  started = performance.now();
  await Promise.all(Array.from({ length: concurrentOps }, () => unaryCall(leader.client, "AllocateProducerIds", { brokerId: 101, brokerEpoch }, 120_000)));
  seconds = (performance.now() - started) / 1000;
  console.log(`one-record operations, ${concurrentOps} concurrent callers: ${(concurrentOps / seconds).toFixed(0)} records/s`);

  const requests = 20;
  let records = 0;
  started = performance.now();
  for (let r = 0; r < requests; r++) {
    const topics = Array.from({ length: 50 }, (_, t) => ({ name: `bench-${r}-${t}`, numPartitions: 4, replicationFactor: 3 }));
    const response = await unaryCall(leader.client, "CreateTopics", { topics }, 30_000);
    records += response.topics.filter((topic) => topic.error?.name === "NONE").length * (1 + 4);
  }
  seconds = (performance.now() - started) / 1000;
  console.log(`CreateTopics of 50 topics x 4 partitions: ${(records / seconds).toFixed(0)} records/s (${requests} requests, ${records} records)`);
} finally {
  await cluster.stop();
}
