import { parseBooleanWord } from "../args/key-values.js";
import { UsageError } from "../cli-errors.js";

/**
 * FormatterOptions are kafka-console-consumer's DefaultMessageFormatter properties. Fields print
 * in Kafka's order: timestamp, partition, offset, headers, key, value, each followed by
 * key.separator, the record by line.separator.
 */
export interface FormatterOptions {
  readonly printTimestamp: boolean;
  readonly printPartition: boolean;
  readonly printOffset: boolean;
  readonly printHeaders: boolean;
  readonly printKey: boolean;
  readonly printValue: boolean;
  readonly keySeparator: string;
  readonly lineSeparator: string;
  readonly headersSeparator: string;
  readonly nullLiteral: string;
}

/** FORMATTER_PROPERTIES are the `--property` names the formatter understands. */
export const FORMATTER_PROPERTIES = [
  "print.timestamp",
  "print.partition",
  "print.offset",
  "print.headers",
  "print.key",
  "print.value",
  "key.separator",
  "line.separator",
  "headers.separator",
  "null.literal",
] as const;

/**
 * formatterOptions reads `--property` values with Kafka's defaults (only the value printed; TAB
 * between fields; "null" for null).
 *
 * @throws UsageError for an unknown property or a flag that is not true/false.
 */
export function formatterOptions(properties: ReadonlyMap<string, string>): FormatterOptions {
  for (const name of properties.keys()) {
    if (!(FORMATTER_PROPERTIES as readonly string[]).includes(name)) throw new UsageError(`unknown --property ${name}; the formatter knows ${FORMATTER_PROPERTIES.join(", ")}`);
  }
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = properties.get(name);
    return raw === undefined ? fallback : parseBooleanWord(name, raw);
  };
  return {
    printTimestamp: flag("print.timestamp", false),
    printPartition: flag("print.partition", false),
    printOffset: flag("print.offset", false),
    printHeaders: flag("print.headers", false),
    printKey: flag("print.key", false),
    printValue: flag("print.value", true),
    keySeparator: unescapeSeparator(properties.get("key.separator") ?? "\t"),
    lineSeparator: unescapeSeparator(properties.get("line.separator") ?? "\n"),
    headersSeparator: unescapeSeparator(properties.get("headers.separator") ?? ","),
    nullLiteral: properties.get("null.literal") ?? "null",
  };
}

/** unescapeSeparator turns a typed "\t", "\n" or "\r" into the character, so `key.separator=\t` works from a shell. */
export function unescapeSeparator(raw: string): string {
  return raw.replace(/\\([tnr\\])/g, (_, escaped: string) => (escaped === "t" ? "\t" : escaped === "n" ? "\n" : escaped === "r" ? "\r" : "\\"));
}

/** TimestampTypeName is how Kafka labels a record's timestamp. */
export type TimestampTypeName = "CreateTime" | "LogAppendTime";

/** PrintableRecord is what the formatter prints of a consumed record. */
export interface PrintableRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  /** timestamp in ms; negative when the record has none. */
  readonly timestamp: bigint;
  readonly timestampType: TimestampTypeName;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** headers in record order, repeated keys included. */
  readonly headers: readonly (readonly [string, Buffer | null])[];
}

/** formatRecord renders one record as kafka-console-consumer's DefaultMessageFormatter does, line separator included. */
export function formatRecord(record: PrintableRecord, options: FormatterOptions): string {
  const text = (bytes: Buffer | null): string => (bytes === null ? options.nullLiteral : bytes.toString("utf8"));
  const fields: string[] = [];
  if (options.printTimestamp) fields.push(record.timestamp < 0n ? "NO_TIMESTAMP" : `${record.timestampType}:${record.timestamp}`);
  if (options.printPartition) fields.push(`Partition:${record.partition}`);
  if (options.printOffset) fields.push(`Offset:${record.offset}`);
  if (options.printHeaders) fields.push(record.headers.length === 0 ? "NO_HEADERS" : record.headers.map(([key, value]) => `${key}:${text(value)}`).join(options.headersSeparator));
  if (options.printKey) fields.push(text(record.key));
  if (options.printValue) fields.push(text(record.value));
  return fields.join(options.keySeparator) + options.lineSeparator;
}

/** RecordJson is one record of `consume --json`: offsets and timestamps as decimal strings, text as UTF-8. */
export interface RecordJson {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
  readonly timestampType: TimestampTypeName;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: readonly { readonly key: string; readonly value: string | null }[];
}

/** recordJson is the JSON object printed for a record with --json (one per line). */
export function recordJson(record: PrintableRecord): RecordJson {
  const text = (bytes: Buffer | null): string | null => (bytes === null ? null : bytes.toString("utf8"));
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp.toString(),
    timestampType: record.timestampType,
    key: text(record.key),
    value: text(record.value),
    headers: record.headers.map(([key, value]) => ({ key, value: text(value) })),
  };
}
