import { randomBytes } from "node:crypto";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { EXIT_OK } from "../cli-errors.js";
import { writeLines, type CliIo } from "../cli-io.js";
import type { Command } from "../command.js";
import { connectionOptions } from "../connect/connection-options.js";
import { streamRecords } from "../consume/record-stream.js";
import { jsonBlock } from "../format/table.js";
import { CONSUMER_PERF_HEADER, consumerPerfLine, summarizeConsumerPerf, timeoutWarning } from "./consumer-perf-format.js";
import { PERF_CONSUME_SPEC, perfConsumeAction } from "./perf-consume-args.js";

/** perfConsumeCommand is `tributary perf consume`: kafka-consumer-perf-test over the SDK's consumer. */
export const perfConsumeCommand: Command = {
  spec: PERF_CONSUME_SPEC,
  async run(flags: ParsedFlags, io: CliIo): Promise<number> {
    const action = perfConsumeAction(flags, randomBytes(3).toString("hex"));
    const connection = connectionOptions(flags, io.env);
    let messages = 0;
    let bytes = 0;
    let assignedMs: number | undefined;
    const startMs = Date.now();
    let endMs = startMs;
    const reason = await streamRecords({
      connection,
      io,
      topic: action.topic,
      groupId: action.groupId,
      partition: undefined,
      offset: undefined,
      fromBeginning: action.fromBeginning,
      idleTimeoutMs: action.idleTimeoutMs,
      consumerOptions: { maxBytesPerPartition: action.fetchSizeBytes, maxWaitTimeMs: 500 },
      onConsumer: (consumer) => {
        consumer.on("consumer.group_join", (event) => {
          if (assignedMs === undefined && Object.values(event.payload.memberAssignment).some((partitions) => partitions.length > 0)) assignedMs = Date.now();
        });
      },
      sink: async (_topic, _partition, batch) => {
        const taken = Math.min(batch.length, action.messages - messages);
        for (let index = 0; index < taken; index++) {
          const message = batch[index]!;
          bytes += (message.key?.length ?? 0) + (message.value?.length ?? 0);
        }
        messages += taken;
        endMs = Date.now();
        return { taken, done: messages >= action.messages };
      },
    });
    if (reason === "idle") await writeLines(io.stderr, [timeoutWarning(action.idleTimeoutMs)]);
    const summary = summarizeConsumerPerf({ startMs, endMs: Math.max(endMs, assignedMs ?? startMs), bytes, messages, rebalanceMs: (assignedMs ?? startMs) - startMs });
    if (flags.boolean("json")) await writeLines(io.stdout, [jsonBlock({ topic: action.topic, group: action.groupId, ...summary })]);
    else await writeLines(io.stdout, [...(action.hideHeader ? [] : [CONSUMER_PERF_HEADER]), consumerPerfLine(summary)]);
    return EXIT_OK;
  },
};
