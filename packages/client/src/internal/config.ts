/** @internal Config-file reading shared by controllers and brokers. Not covered by semver. */
export { ConfigError, ConfigReader } from "../config/config-reader.js";
export { parseHostPort, parseListeners, parseQuorumVoters } from "../config/listeners.js";
export type { Listener, QuorumVoter } from "../config/listeners.js";
export { parseProperties, propertiesFromEnv, PropertiesSyntaxError, readNodeProperties } from "../config/properties.js";
export type { Properties } from "../config/properties.js";
