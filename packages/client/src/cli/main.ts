import { runCli } from "./run-cli.js";

// The `tributary` binary: runs one command line against the process's streams. Ctrl-C asks a
// running command (consume, perf) to stop cleanly; a second Ctrl-C exits at once.
const interrupted = new AbortController();
process.once("SIGINT", () => {
  interrupted.abort();
  process.once("SIGINT", () => process.exit(130));
});
// A closed pipe (`tributary consume ... | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));
}

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupted.signal,
});
// Exit once the output is flushed: a connection attempt the SDK is still retrying in the
// background (after a command gave up on an unreachable cluster) must not keep the process alive.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write("", resolve))));
process.exit(code);
