import { describe, expect, it } from "vitest";
import { ConfigError, ConfigReader } from "./config-reader.js";
import { parseListeners, parseQuorumVoters } from "./listeners.js";
import { parseProperties, propertiesFromEnv } from "./properties.js";

describe("parseProperties", () => {
  it("reads Java properties syntax: comments, separators, continuations, escapes", () => {
    const parsed = parseProperties(
      ["# comment", "! also a comment", "node.id=1", "  listeners : CONTROLLER://localhost:9191", "log.dirs = /a,\\", "   /b", "path=C\\:\\\\x", "empty="].join("\n"),
    );
    expect(Object.fromEntries(parsed)).toEqual({
      "node.id": "1",
      listeners: "CONTROLLER://localhost:9191",
      "log.dirs": "/a,/b",
      path: "C:\\x",
      empty: "",
    });
  });
});

describe("propertiesFromEnv", () => {
  it("maps TRIBUTARY_ variables to dotted names like Kafka's images", () => {
    const parsed = propertiesFromEnv({ TRIBUTARY_NODE_ID: "3", TRIBUTARY_LOG__DIR: "x", PATH: "/bin", TRIBUTARY_LOG_LEVEL: "DEBUG" });
    expect(Object.fromEntries(parsed)).toEqual({ "node.id": "3", log_dir: "x" });
  });
});

describe("ConfigReader", () => {
  it("reads typed values with bounds and rejects unknown names", () => {
    const reader = new ConfigReader(new Map([["a", "5"], ["b", "true"], ["c", "x, y,"], ["typo.name", "1"]]));
    expect(reader.integer("a", undefined, 1, 10)).toBe(5);
    expect(reader.boolean("b", false)).toBe(true);
    expect(reader.list("c")).toEqual(["x", "y"]);
    expect(reader.integer("missing", 7)).toBe(7);
    expect(() => reader.rejectUnknown()).toThrow(/typo\.name/);
  });

  it("says which property is wrong", () => {
    const reader = new ConfigReader(new Map([["a", "five"], ["b", "11"]]));
    expect(() => reader.integer("a", 1)).toThrow(ConfigError);
    expect(() => reader.integer("b", 1, 0, 10)).toThrow(/b must be between 0 and 10/);
    expect(() => reader.string("required.thing")).toThrow(/required.thing is required/);
  });
});

describe("listeners and voters", () => {
  it("parse Kafka's syntax", () => {
    expect(parseListeners(["PLAINTEXT://0.0.0.0:9092", "controller://[::1]:9191"], "listeners")).toEqual([
      { name: "PLAINTEXT", host: "0.0.0.0", port: 9092 },
      { name: "CONTROLLER", host: "[::1]", port: 9191 },
    ]);
    expect(parseQuorumVoters(["1@localhost:9191", "2@c2:9191"])).toEqual([
      { nodeId: 1, host: "localhost", port: 9191 },
      { nodeId: 2, host: "c2", port: 9191 },
    ]);
  });

  it("reject malformed entries", () => {
    expect(() => parseListeners(["localhost:9092"], "listeners")).toThrow(/NAME:\/\/host:port/);
    expect(() => parseQuorumVoters(["1@localhost"])).toThrow(/host:port/);
    expect(() => parseQuorumVoters(["1@a:1", "1@b:2"])).toThrow(/unique/);
    expect(() => parseQuorumVoters([])).toThrow(/required/);
  });
});
