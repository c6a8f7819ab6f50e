import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/http/errors";
import { assertWellFormedText, firstMalformedText } from "@/lib/http/well-formed";

describe("well-formed input text", () => {
  it("accepts ordinary text, emoji, NUL and non-characters", () => {
    expect(firstMalformedText({ a: "héllo", b: ["😀", "a\u0000b", "\uffff"], c: 1, d: null, e: { f: true } })).toBeUndefined();
  });

  it("finds a lone surrogate in a value, an array item or a key, with its path", () => {
    expect(firstMalformedText({ name: "\ud800" })).toEqual(["name"]);
    expect(firstMalformedText({ values: { tags: ["ok", "x\udfff"] } })).toEqual(["values", "tags", "1"]);
    expect(firstMalformedText({ values: { ["k\ud800"]: 1 } })).toEqual(["values", "k\ufffd"]);
    expect(firstMalformedText("\udfff\ud800")).toEqual([]);
  });

  it("answers 400 naming the field", () => {
    let caught: unknown;
    try {
      assertWellFormedText({ email: "a\ud800@example.com" }, "body");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).fieldErrors).toHaveProperty("email");
    expect(() => assertWellFormedText("\ud800", "query")).toThrow(/^query:/);
  });
});
