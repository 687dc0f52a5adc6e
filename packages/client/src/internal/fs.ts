/** @internal Durable file helpers shared by controllers and brokers. Not covered by semver. */
export { syncDirectory, writeFileDurably } from "../util/durable-file.js";
