import { CliError, UsageError } from "../cli-errors.js";
import { parseBooleanWord } from "../args/key-values.js";

/**
 * LineReaderOptions are kafka-console-producer's LineMessageReader properties: a line is
 * `[headers<headers.delimiter>][key<key.separator>]value`, headers are
 * `k<headers.key.separator>v<headers.separator>k2...`, and `null.marker` stands for null.
 */
export interface LineReaderOptions {
  readonly parseKey: boolean;
  readonly keySeparator: string;
  readonly parseHeaders: boolean;
  readonly headersDelimiter: string;
  readonly headersSeparator: string;
  readonly headersKeySeparator: string;
  /** nullMarker, when set, is the text that means null (key, value or header value). */
  readonly nullMarker: string | undefined;
  /** ignoreError reads a line without its separator as having no key (or no headers) instead of failing. */
  readonly ignoreError: boolean;
}

/** LINE_READER_PROPERTIES are the `--property` names the reader understands. */
export const LINE_READER_PROPERTIES = [
  "parse.key",
  "key.separator",
  "parse.headers",
  "headers.delimiter",
  "headers.separator",
  "headers.key.separator",
  "null.marker",
  "ignore.error",
] as const;

/**
 * lineReaderOptions reads `--property` values with Kafka's defaults (separators TAB, ",", ":").
 *
 * @throws UsageError for an unknown property, a non-boolean flag, an empty separator, or
 * separators that would make lines ambiguous.
 */
export function lineReaderOptions(properties: ReadonlyMap<string, string>): LineReaderOptions {
  for (const name of properties.keys()) {
    if (!(LINE_READER_PROPERTIES as readonly string[]).includes(name)) {
      throw new UsageError(`unknown --property ${name}; the line reader knows ${LINE_READER_PROPERTIES.join(", ")}`);
    }
  }
  const separator = (name: string, fallback: string): string => {
    const value = properties.get(name) ?? fallback;
    if (value === "") throw new UsageError(`--property ${name} must not be empty`);
    return value;
  };
  const options: LineReaderOptions = {
    parseKey: parseBooleanWord("parse.key", properties.get("parse.key") ?? "false"),
    keySeparator: separator("key.separator", "\t"),
    parseHeaders: parseBooleanWord("parse.headers", properties.get("parse.headers") ?? "false"),
    headersDelimiter: separator("headers.delimiter", "\t"),
    headersSeparator: separator("headers.separator", ","),
    headersKeySeparator: separator("headers.key.separator", ":"),
    nullMarker: properties.get("null.marker") === "" ? undefined : properties.get("null.marker"),
    ignoreError: parseBooleanWord("ignore.error", properties.get("ignore.error") ?? "false"),
  };
  if (options.parseHeaders && options.parseKey && options.headersDelimiter === options.keySeparator) {
    throw new UsageError("headers.delimiter and key.separator may not be equal");
  }
  if (options.parseHeaders && options.headersSeparator === options.headersKeySeparator) {
    throw new UsageError("headers.separator and headers.key.separator may not be equal");
  }
  if (options.nullMarker !== undefined) {
    for (const [name, value] of [["key.separator", options.keySeparator], ["headers.delimiter", options.headersDelimiter], ["headers.separator", options.headersSeparator], ["headers.key.separator", options.headersKeySeparator]] as const) {
      if (value === options.nullMarker) throw new UsageError(`null.marker and ${name} may not be equal`);
    }
  }
  return options;
}

/** LineHeader is one header read from a line; a null value came from the null marker. */
export interface LineHeader {
  readonly key: string;
  readonly value: string | null;
}

/** LineRecord is one record read from a line. */
export interface LineRecord {
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: readonly LineHeader[];
}

/**
 * parseLine reads one line as kafka-console-producer's LineMessageReader does.
 *
 * @throws CliError with Kafka's messages: "No key separator found on line number N: '...'",
 * "No headers delimiter found on line number N: '...'", "No header key separator found in pair
 * '...' on line number N".
 */
export function parseLine(line: string, lineNumber: number, options: LineReaderOptions): LineRecord {
  const part = (enabled: boolean, start: number, demarcation: string, name: string): string | null => {
    if (!enabled) return null;
    const index = line.indexOf(demarcation, start);
    if (index < 0) {
      if (options.ignoreError) return null;
      throw new CliError(`No ${name} found on line number ${lineNumber}: '${line}'`);
    }
    return line.slice(start, index);
  };
  const headers = part(options.parseHeaders, 0, options.headersDelimiter, "headers delimiter");
  const headersEnd = headers === null ? 0 : headers.length + options.headersDelimiter.length;
  const key = part(options.parseKey, headersEnd, options.keySeparator, "key separator");
  const keyEnd = key === null ? 0 : key.length + options.keySeparator.length;
  const value = line.slice(headersEnd + keyEnd);
  const orNull = (text: string | null): string | null => (text === null || text === options.nullMarker ? null : text);
  return {
    key: orNull(key),
    value: orNull(value),
    headers: headers === null || headers === options.nullMarker ? [] : splitHeaders(headers, lineNumber, options),
  };
}

function splitHeaders(headers: string, lineNumber: number, options: LineReaderOptions): LineHeader[] {
  return headers.split(options.headersSeparator).map((pair) => {
    const index = pair.indexOf(options.headersKeySeparator);
    if (index < 0) {
      if (options.ignoreError) return { key: pair, value: null };
      throw new CliError(`No header key separator found in pair '${pair}' on line number ${lineNumber}`);
    }
    const key = pair.slice(0, index);
    if (key === options.nullMarker) throw new CliError(`Header keys should not be equal to the null marker '${options.nullMarker}' as they can't be null`);
    const value = pair.slice(index + options.headersKeySeparator.length);
    return { key, value: value === options.nullMarker ? null : value };
  });
}
