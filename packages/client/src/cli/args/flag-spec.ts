/** FlagSpec describes one `--long-flag` of a command. */
export interface FlagSpec {
  /** type: a boolean flag takes no value; a string flag takes one (`--flag v` or `--flag=v`). */
  readonly type: "string" | "boolean";
  /** multiple lets the flag repeat; its values accumulate in order. */
  readonly multiple?: boolean;
  /**
   * greedy makes the flag take every following word up to the next flag, as Kafka's
   * `--producer-props acks=all linger.ms=5` does; implies multiple.
   */
  readonly greedy?: boolean;
  /** valueName is the placeholder shown in help, e.g. "N" or "HOST:PORT". */
  readonly valueName?: string;
  /** description is the help text, one line. */
  readonly description: string;
}

/** FlagSpecs are a command's flags by long name (without the leading dashes). */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** CommandSpec is what a command's parser and its --help know about it. */
export interface CommandSpec {
  /** name is the command as typed after `tributary`, e.g. "topics" or "perf produce". */
  readonly name: string;
  /** summary is one sentence for the command list and the top of --help. */
  readonly summary: string;
  /** usage lines, without the leading "tributary ". */
  readonly usage: readonly string[];
  readonly flags: FlagSpecs;
  /** examples are full command lines shown at the end of --help. */
  readonly examples?: readonly string[];
}

/** DEFAULT_BOOTSTRAP_SERVER is where the CLI looks for a cluster unless told otherwise. */
export const DEFAULT_BOOTSTRAP_SERVER = "localhost:9092";

/** BOOTSTRAP_SERVER_ENV overrides {@link DEFAULT_BOOTSTRAP_SERVER} for every command. */
export const BOOTSTRAP_SERVER_ENV = "TRIBUTARY_BOOTSTRAP_SERVER";

/** DEFAULT_TIMEOUT_MS bounds connecting to the cluster and each admin operation. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** CONNECTION_FLAGS are the flags of every command that talks to a cluster. */
export const CONNECTION_FLAGS: FlagSpecs = {
  "bootstrap-server": {
    type: "string",
    valueName: "HOST:PORT,...",
    description: `brokers to bootstrap from (default ${DEFAULT_BOOTSTRAP_SERVER}, or $${BOOTSTRAP_SERVER_ENV})`,
  },
  "timeout-ms": { type: "string", valueName: "MS", description: `give up connecting, or on an operation, after MS (default ${DEFAULT_TIMEOUT_MS})` },
  help: { type: "boolean", description: "print this help" },
};

/** JSON_FLAG is `--json`, for commands whose output a script may want to read. */
export const JSON_FLAG: FlagSpecs = {
  json: { type: "boolean", description: "print JSON instead of Kafka's text layout (offsets as decimal strings)" },
};
