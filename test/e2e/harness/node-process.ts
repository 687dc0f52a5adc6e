import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";

/** NodeProcessSpec is how to start one node: the program, its arguments and where its log goes. */
export interface NodeProcessSpec {
  readonly name: string;
  readonly program: string;
  readonly args: readonly string[];
  readonly logFile: string;
}

/**
 * NodeProcess is one controller or broker process the harness controls like an operator (or a
 * fault injector) would: start, SIGTERM and wait, SIGKILL, SIGSTOP / SIGCONT, restart.
 */
export class NodeProcess {
  readonly spec: NodeProcessSpec;
  #child: ChildProcess | undefined;
  #exit: Promise<number | null> | undefined;
  #log: WriteStream | undefined;
  #output = "";
  #paused = false;

  constructor(spec: NodeProcessSpec) {
    this.spec = spec;
  }

  /** running is true between start and exit. */
  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** paused is true between pause and resume (the process exists but does nothing). */
  get paused(): boolean {
    return this.#paused && this.running;
  }

  /** responsive is true when the process runs and is not paused. */
  get responsive(): boolean {
    return this.running && !this.#paused;
  }

  /** pid of the running process. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** output is everything the process printed since it was last started. */
  get output(): string {
    return this.#output;
  }

  /** start launches the process; its stdout and stderr go to the log file. */
  start(): void {
    if (this.running) throw new Error(`${this.spec.name} is already running`);
    this.#output = "";
    this.#paused = false;
    this.#log = createWriteStream(this.spec.logFile, { flags: "a" });
    const child = spawn(process.execPath, [this.spec.program, ...this.spec.args], { stdio: ["ignore", "pipe", "pipe"] });
    const record = (chunk: Buffer) => {
      this.#output += chunk.toString("utf8");
      if (this.#output.length > 1_000_000) this.#output = this.#output.slice(-500_000);
      this.#log?.write(chunk);
    };
    child.stdout?.on("data", record);
    child.stderr?.on("data", record);
    this.#child = child;
    this.#exit = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  /** exited resolves with the exit code (null when killed by a signal) once the process ends. */
  exited(): Promise<number | null> {
    return this.#exit ?? Promise.resolve(null);
  }

  /** kill sends a signal without waiting. */
  signal(signal: NodeJS.Signals): void {
    this.#child?.kill(signal);
  }

  /** kill9 kills the process with SIGKILL and waits for it to be gone. */
  async kill9(): Promise<void> {
    if (!this.running) return;
    this.signal("SIGKILL");
    await this.exited();
  }

  /** stop sends SIGTERM and waits for a clean exit, escalating to SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    if (!this.running) return this.exited();
    this.signal("SIGCONT");
    this.signal("SIGTERM");
    const timer = setTimeout(() => this.signal("SIGKILL"), timeoutMs);
    const code = await this.exited();
    clearTimeout(timer);
    this.#log?.end();
    return code;
  }

  /** pause stops the process with SIGSTOP (it keeps its sockets but does nothing). */
  pause(): void {
    this.signal("SIGSTOP");
    this.#paused = true;
  }

  /** resume continues a paused process. */
  resume(): void {
    this.signal("SIGCONT");
    this.#paused = false;
  }

  /** restart stops the process if it runs (SIGKILL when `hard`), then starts it again. */
  async restart(options: { hard?: boolean } = {}): Promise<void> {
    if (options.hard) await this.kill9();
    else await this.stop();
    this.start();
  }
}
