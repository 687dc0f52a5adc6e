import { describe, expect, it } from "vitest";
import { ERRORS, errorNameOfCode, type ErrorName } from "./error-codes.js";
import { TributaryError } from "./tributary-error.js";

describe("the error table", () => {
  it("gives every row a unique wire code that maps back to its name", () => {
    const names = Object.keys(ERRORS) as ErrorName[];
    const codes = names.map((name) => ERRORS[name].code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const name of names) expect(errorNameOfCode(ERRORS[name].code)).toBe(name);
  });

  it("maps unknown wire codes to UNKNOWN_SERVER_ERROR", () => {
    expect(errorNameOfCode(987654)).toBe("UNKNOWN_SERVER_ERROR");
  });

  it("marks leadership errors as refresh-then-retry", () => {
    expect(ERRORS.NOT_LEADER_OR_FOLLOWER.refreshMetadata).toBe(true);
    expect(ERRORS.NOT_CONTROLLER.refreshMetadata).toBe(true);
    expect(ERRORS.TOPIC_ALREADY_EXISTS.retriable).toBe(false);
  });
});

describe("TributaryError", () => {
  it("derives retriability from its code", () => {
    expect(new TributaryError("NOT_ENOUGH_REPLICAS").retriable).toBe(true);
    expect(new TributaryError("INVALID_TOPIC_EXCEPTION").retriable).toBe(false);
  });

  it("wraps foreign errors, keeping named codes and the cause", () => {
    const coded = Object.assign(new Error("bad batch"), { code: "CORRUPT_MESSAGE" });
    expect(TributaryError.from(coded).code).toBe("CORRUPT_MESSAGE");
    const plain = new Error("boom");
    const wrapped = TributaryError.from(plain);
    expect(wrapped.code).toBe("UNKNOWN_SERVER_ERROR");
    expect(wrapped.cause).toBe(plain);
  });
});
