import { PassThrough, Readable } from "node:stream";
import type { CliIo, CliOutput } from "../cli-io.js";
import { runCli } from "../run-cli.js";

/** MemoryIoOptions configure {@link memoryIo}. */
export interface MemoryIoOptions {
  /** stdin is the whole input, or a stream for input that arrives over time. */
  readonly stdin?: string | Readable;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** isTTY makes stdout claim to be a terminal. */
  readonly isTTY?: boolean;
  readonly signal?: AbortSignal;
}

/** MemoryIo is a CliIo over memory buffers, and what was written to them. */
export interface MemoryIo {
  readonly io: CliIo;
  /** stdout is everything written to stdout so far. */
  stdout(): string;
  /** stderr is everything written to stderr so far. */
  stderr(): string;
}

function collector(isTTY: boolean): { stream: CliOutput; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  if (isTTY) Object.defineProperty(stream, "isTTY", { value: true });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** memoryIo makes streams for running the CLI in-process in a test. */
export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const out = collector(options.isTTY ?? false);
  const err = collector(false);
  const stdin = typeof options.stdin === "string" || options.stdin === undefined ? Readable.from(options.stdin === undefined ? [] : [options.stdin]) : options.stdin;
  return {
    io: { stdin, stdout: out.stream, stderr: err.stream, env: options.env ?? {}, ...(options.signal ? { signal: options.signal } : {}) },
    stdout: out.text,
    stderr: err.text,
  };
}

/** CliRun is the outcome of {@link runInMemory}. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** runInMemory runs one command line in-process and returns its exit code and output. */
export async function runInMemory(argv: readonly string[], options: MemoryIoOptions = {}): Promise<CliRun> {
  const memory = memoryIo(options);
  const code = await runCli(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}
