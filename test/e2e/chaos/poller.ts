import { decodeRecordBatches } from "@tributary/client";
import { errorFromWire, unaryCall } from "@tributary/client/internal/wire";
import type { TestCluster } from "../harness/cluster.js";
import type { Observed } from "./checker.js";

/**
 * PartitionPoller reads one partition continuously from whichever broker leads it, like a consumer
 * with a manual assignment, recording every record in the order it saw them. The checker uses
 * the sequence to find nonmonotonic and skipping polls.
 */
export class PartitionPoller {
  readonly observed: Observed[] = [];
  readonly #cluster: TestCluster;
  readonly #topic: string;
  readonly #partition: number;
  #next = 0n;
  #running = false;
  #done: Promise<void> | undefined;

  constructor(cluster: TestCluster, topic: string, partition: number) {
    this.#cluster = cluster;
    this.#topic = topic;
    this.#partition = partition;
  }

  /** start begins polling in the background. */
  start(): void {
    this.#running = true;
    this.#done = this.#run();
  }

  /** stop ends polling after the poll in progress. */
  async stop(): Promise<void> {
    this.#running = false;
    await this.#done;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        const leader = await this.#cluster.partitionLeader(this.#topic, this.#partition, 5_000);
        const response = await unaryCall(
          leader.client,
          "Fetch",
          {
            replicaId: -1,
            maxWaitMs: 200,
            minBytes: 1,
            maxBytes: 1 << 20,
            topics: [{ name: this.#topic, partitions: [{ partition: this.#partition, fetchOffset: this.#next.toString(), partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, lastFetchedEpoch: -1, logStartOffset: "-1", durableEndOffset: "-1" }] }],
          },
          3_000,
        );
        const result = response.topics[0]?.partitions[0];
        if (result === undefined || errorFromWire(result.error) !== null) continue;
        for (const batch of await decodeRecordBatches(result.records)) {
          for (const record of batch.records) {
            if (record.offset < this.#next) continue;
            this.observed.push({ partition: this.#partition, offset: record.offset, value: record.value?.toString() ?? "" });
            this.#next = record.offset + 1n;
          }
        }
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}
