/** @internal Node identity and data-directory format, shared with brokers. Not covered by semver. */
export {
  checkDirectory,
  formatDirectory,
  META_PROPERTIES_FILE,
  randomClusterId,
  readMetaProperties,
  StorageFormatError,
} from "../storage/meta-properties.js";
export type { NodeIdentity } from "../storage/meta-properties.js";
export { consoleLogger, SILENT_LOGGER } from "../storage/console-logger.js";
export type { Logger } from "../storage/console-logger.js";
export { exitOnFatal, runUntilSignalled } from "../storage/run-node.js";
