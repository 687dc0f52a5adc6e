import type { LogConfig } from "../log-config.js";
import { MemoryFileSystem } from "../memory-file-system.js";
import type { CrashOptions } from "../memory-file-system.js";
import { PartitionLog } from "../partition-log.js";
import { ManualClock } from "./manual-clock.js";

/** TEST_LOG_DIRECTORY is where test logs live in the in-memory file system. */
export const TEST_LOG_DIRECTORY = "/data/topic-0";

/** TestLogEnv is one in-memory disk and clock that logs can be opened, crashed and reopened on. */
export interface TestLogEnv {
  /** fs is the file system as of the last crash (the one before it is powered off). */
  readonly fs: MemoryFileSystem;
  readonly clock: ManualClock;
  /** open opens the log at TEST_LOG_DIRECTORY with `defaults` overridden by `config`. */
  open(config?: Partial<LogConfig>): Promise<PartitionLog>;
  /** crash simulates a power loss; logs opened before it are dead and must be reopened. */
  crash(options?: CrashOptions): void;
}

/** testLogEnv returns a fresh environment; `defaults` apply to every open unless overridden. */
export function testLogEnv(defaults: Partial<LogConfig> = {}): TestLogEnv {
  let fs = new MemoryFileSystem();
  const clock = new ManualClock();
  return {
    get fs() {
      return fs;
    },
    clock,
    open: (config = {}) => PartitionLog.open({ directory: TEST_LOG_DIRECTORY, fs, clock, config: { ...defaults, ...config } }),
    crash: (options) => {
      fs = fs.crash(options);
    },
  };
}
