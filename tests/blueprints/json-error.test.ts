import { describe, expect, it } from "vitest";
import { jsonErrorMessage, locateJsonError } from "@/lib/blueprints/json-error";

describe("JSON error positions", () => {
  it.each([
    ['{"a": }', 1, 7],
    ['{\n  "a": 1,\n  oops\n}', 3, 3],
    ["[1, 2,]", 1, 7],
    ['{"a": 1} x', 1, 10],
    ["", 1, 1],
    ['{"a": "line\nbreak"}', 1, 12],
    ["[01]", 1, 3],
    ['"\\x"', 1, 3],
    ["{'a': 1}", 1, 2],
    ["[1 2]", 1, 4],
    ["tru", 1, 4],
  ])("%j breaks at line %i, column %i", (text, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toMatchObject({ line, column });
  });

  it.each(['{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}', " [ ] ", '"x"', "0"])("accepts valid JSON %j", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJsonError(text)).toBeNull();
  });

  it("words the message with the position", () => {
    expect(jsonErrorMessage("{\n  oops\n}")).toBe("Invalid JSON at line 2, column 3");
  });
});
