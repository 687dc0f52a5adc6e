/** @internal The metadata records and image, for brokers and tests. Not covered by semver. */
export * from "../metadata/index.js";
