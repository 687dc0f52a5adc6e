import { createInterface } from "node:readline";
import type { Producer } from "../../producer/producer.js";
import type { Message, MessageHeaders, MessageHeaderValue } from "../../producer/producer-types.js";
import type { ParsedFlags } from "../args/parsed-flags.js";
import { CliError, EXIT_OK, errorLine } from "../cli-errors.js";
import { write, type CliIo } from "../cli-io.js";
import type { Command } from "../command.js";
import { withProducer } from "../connect/cli-client.js";
import { connectionOptions } from "../connect/connection-options.js";
import { parseLine, type LineRecord } from "./line-reader.js";
import { PRODUCE_SPEC, produceAction } from "./produce-args.js";

/** SENDS_IN_FLIGHT_MAX bounds records sent but not yet acknowledged; the producer batches them. */
const SENDS_IN_FLIGHT_MAX = 1_000;

/**
 * toMessage turns a parsed line into a producer message; headers keep their order and repeated
 * keys.
 */
export function toMessage(record: LineRecord, partition: number | undefined): Message {
  const headers: Record<string, MessageHeaderValue> = {};
  for (const header of record.headers) {
    // The producer encodes a null header value as null, though MessageHeaderValue does not say so.
    const value = header.value as string;
    const previous = headers[header.key];
    headers[header.key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous as string]), value];
  }
  return {
    key: record.key,
    value: record.value,
    ...(record.headers.length > 0 ? { headers: headers as MessageHeaders } : {}),
    ...(partition === undefined ? {} : { partition }),
  };
}

/** produceCommand is `tributary produce`: kafka-console-producer over the SDK's producer. */
export const produceCommand: Command = {
  spec: PRODUCE_SPEC,
  async run(flags: ParsedFlags, io: CliIo): Promise<number> {
    const action = produceAction(flags);
    const connection = connectionOptions(flags, io.env);
    await withProducer(connection, io, action.producer, (producer) => sendLines(producer, action, io));
    return EXIT_OK;
  },
};

async function sendLines(producer: Producer, action: ReturnType<typeof produceAction>, io: CliIo): Promise<void> {
  const interactive = (io.stdin as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  const stop = (): void => lines.close();
  io.signal?.addEventListener("abort", stop, { once: true });
  let failure: Error | undefined;
  const inFlight: Promise<void>[] = [];
  let lineNumber = 0;
  try {
    if (interactive) await write(io.stdout, ">");
    for await (const line of lines) {
      lineNumber++;
      const message = toMessage(parseLine(line, lineNumber, action.reader), action.partition);
      const number = lineNumber;
      const sent = producer.send({ topic: action.topic, messages: [message] }).then(
        () => undefined,
        (error: unknown) => {
          failure ??= new CliError(`could not send line ${number} to topic "${action.topic}": ${errorLine(error).replace(/^Error: /, "")}`);
        },
      );
      if (action.sync) await sent;
      else {
        inFlight.push(sent);
        if (inFlight.length >= SENDS_IN_FLIGHT_MAX) await inFlight.splice(0, SENDS_IN_FLIGHT_MAX / 2).at(-1);
      }
      if (failure !== undefined) break;
      if (interactive) await write(io.stdout, ">");
    }
  } finally {
    io.signal?.removeEventListener("abort", stop);
    lines.close();
    await Promise.all(inFlight);
  }
  if (failure !== undefined) throw failure;
}
