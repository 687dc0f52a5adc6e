import { describe, expect, it } from "vitest";
import { parseBooleanWord, parseKeyValues, splitConfigList } from "./key-values.js";

describe("parseKeyValues", () => {
  it("splits at the first '=' and lets a later key win", () => {
    expect([...parseKeyValues("config", ["a=1", "b=x=y", "c=", "a=2"])]).toEqual([
      ["a", "2"],
      ["b", "x=y"],
      ["c", ""],
    ]);
  });

  it("names the flag and the word without a key", () => {
    expect(() => parseKeyValues("config", ["novalue"])).toThrow('--config expects KEY=VALUE, not "novalue"');
    expect(() => parseKeyValues("property", ["=v"])).toThrow('--property expects KEY=VALUE, not "=v"');
  });
});

describe("splitConfigList", () => {
  it("keeps commas inside brackets with their value, as kafka-configs does", () => {
    expect(splitConfigList("a=1,b=[x,y],c=3")).toEqual(["a=1", "b=x,y", "c=3"]);
    expect(splitConfigList(" a=1 , ")).toEqual(["a=1"]);
  });
});

describe("parseBooleanWord", () => {
  it("reads true and false in any case", () => {
    expect(parseBooleanWord("parse.key", "TRUE")).toBe(true);
    expect(parseBooleanWord("parse.key", "false")).toBe(false);
    expect(() => parseBooleanWord("parse.key", "yes")).toThrow('parse.key must be true or false, not "yes"');
  });
});
