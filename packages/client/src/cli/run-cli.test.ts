import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS } from "./commands.js";
import { runInMemory } from "./testing/memory-io.js";

let server: Server | undefined;
const sockets = new Set<Socket>();

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});

describe("runCli", () => {
  it("lists the commands on --help and prints each command's help", async () => {
    const overview = await runInMemory(["--help"]);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toContain("Usage: tributary <command> [flags]");
    expect(overview.stdout).toContain("topics");
    const topics = await runInMemory(["topics", "--help"]);
    expect(topics.code).toBe(0);
    expect(topics.stdout).toContain("Usage: tributary topics --create --topic T");
    expect((await runInMemory(["help", "topics"])).stdout).toBe(topics.stdout);
  });

  it("has --help for every command", async () => {
    for (const command of COMMANDS) {
      const run = await runInMemory([...command.spec.name.split(" "), "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: tributary ${command.spec.name}`);
      expect(run.stdout).toContain("--bootstrap-server");
    }
  });

  it("asks for the subcommand of perf", async () => {
    expect(await runInMemory(["perf"])).toEqual({ code: 2, stdout: "", stderr: "Error: 'tributary perf' needs a subcommand: produce or consume\n" });
  });

  it("prints the overview on stderr and exits 2 without a command", async () => {
    const run = await runInMemory([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: tributary <command>");
  });

  it("exits 2 with one line for an unknown command or flag", async () => {
    const unknown = await runInMemory(["topicz"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Error: unknown command "topicz"; commands are topics.* \(see 'tributary --help'\)\n$/);
    const flag = await runInMemory(["topics", "--lst"]);
    expect(flag).toEqual({ code: 2, stdout: "", stderr: "Error: unknown flag --lst for 'tributary topics'; see 'tributary topics --help'\n" });
  });

  it("exits 2 for a malformed bootstrap address", async () => {
    const run = await runInMemory(["topics", "--list", "--bootstrap-server", "localhost"]);
    expect(run).toMatchObject({ code: 2, stderr: 'Error: --bootstrap-server: "localhost" is not HOST:PORT\n' });
  });

  it("exits 1 with one line when no broker answers within --timeout-ms", async () => {
    // A listener that accepts connections and never speaks HTTP/2: the worst kind of unreachable.
    server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const started = Date.now();
    const run = await runInMemory(["topics", "--list", "--bootstrap-server", `127.0.0.1:${port}`, "--timeout-ms", "300"]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: could not connect to the cluster at 127\.0\.0\.1:\d+ within 300 ms; is it running\?.*\n$/);
    expect(run.stderr.split("\n")).toHaveLength(2);
  });

  it("takes the bootstrap address from TRIBUTARY_BOOTSTRAP_SERVER", async () => {
    const run = await runInMemory(["topics", "--list", "--timeout-ms", "200"], { env: { TRIBUTARY_BOOTSTRAP_SERVER: "127.0.0.1:1" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("127.0.0.1:1");
  });

  it("prints its version", async () => {
    expect((await runInMemory(["--version"])).stdout).toMatch(/^tributary \d+\.\d+\.\d+\n$/);
  });
});
