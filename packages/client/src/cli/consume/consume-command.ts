import type { ConsumerMessage, ConsumerMessageHeaders } from "../../consumer/consumer-types.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { EXIT_OK } from "../cli-errors.js";
import { write, type CliIo } from "../cli-io.js";
import type { Command } from "../command.js";
import { connectionOptions } from "../connect/connection-options.js";
import { jsonLine } from "../format/table.js";
import { CONSUME_SPEC, consumeAction } from "./consume-args.js";
import { formatRecord, recordJson, type PrintableRecord } from "./message-formatter.js";
import { streamRecords } from "./record-stream.js";

/** headerPairs lists a consumed record's headers as key-value pairs (repeated keys in their order). */
export function headerPairs(headers: ConsumerMessageHeaders): [string, Buffer | null][] {
  const pairs: [string, Buffer | null][] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value as readonly (Buffer | null)[]) pairs.push([key, item]);
    else pairs.push([key, value as Buffer | null]);
  }
  return pairs;
}

/**
 * printable adapts a consumed message to the formatter. The SDK does not report whether a
 * timestamp is the producer's or the broker's, so it prints as CreateTime.
 */
export function printable(topic: string, partition: number, message: ConsumerMessage): PrintableRecord {
  return { topic, partition, offset: message.offset, timestamp: message.timestamp, timestampType: "CreateTime", key: message.key, value: message.value, headers: headerPairs(message.headers) };
}

/** consumeCommand is `tributary consume`: kafka-console-consumer over the SDK's consumer. */
export const consumeCommand: Command = {
  spec: CONSUME_SPEC,
  async run(flags: ParsedFlags, io: CliIo): Promise<number> {
    const action = consumeAction(flags);
    const connection = connectionOptions(flags, io.env);
    const json = flags.boolean("json");
    let processed = 0;
    await streamRecords({
      connection,
      io,
      topic: action.topic,
      groupId: action.group,
      partition: action.partition,
      offset: action.offset,
      fromBeginning: action.fromBeginning,
      idleTimeoutMs: connection.timeoutGiven ? connection.timeoutMs : undefined,
      consumerOptions: { maxWaitTimeMs: 500 },
      sink: async (topic, partition, messages) => {
        const wanted = action.maxMessages === undefined ? messages.length : Math.min(messages.length, action.maxMessages - processed);
        let text = "";
        for (const message of messages.slice(0, wanted)) {
          const record = printable(topic, partition, message);
          text += json ? `${jsonLine(recordJson(record))}\n` : formatRecord(record, action.formatter);
        }
        await write(io.stdout, text);
        processed += wanted;
        return { taken: wanted, done: action.maxMessages !== undefined && processed >= action.maxMessages };
      },
    });
    await write(io.stderr, `Processed a total of ${processed} messages\n`);
    return EXIT_OK;
  },
};
