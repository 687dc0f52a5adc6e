import type { Readable, Writable } from "node:stream";

/** CliOutput is a stream the CLI writes to; `isTTY` picks live progress lines over periodic ones. */
export type CliOutput = Writable & { readonly isTTY?: boolean };

/**
 * CliIo is everything a CLI run touches outside itself, so a test can run a command in-process
 * with its own streams and environment.
 */
export interface CliIo {
  /** stdin feeds `produce` (one record per line). */
  readonly stdin: Readable;
  /** stdout receives results: tables, records, JSON. */
  readonly stdout: CliOutput;
  /** stderr receives errors, warnings and SDK logs. */
  readonly stderr: CliOutput;
  /** env supplies defaults such as TRIBUTARY_BOOTSTRAP_SERVER. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** signal, when aborted (Ctrl-C), stops long-running commands such as `consume` cleanly. */
  readonly signal?: AbortSignal;
}

/**
 * write writes `text` and waits for the stream to drain when its buffer is full, so a fast
 * producer of output (a consumer printing records) cannot outrun a slow reader of a pipe.
 */
export async function write(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("close", done);
    stream.once("error", done);
  });
}

/** writeLines writes each line followed by a newline. */
export async function writeLines(stream: Writable, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  await write(stream, lines.join("\n") + "\n");
}
