import { describe, expect, it } from "vitest";
import { describeJsonError, exportBlueprintText, jsonTextError, parseJsonText, positionOf, type JsonObject } from "@/lib/blueprints/json-text";
import { SEED_FILES, seed, seedText } from "./seed-files";

function errorOf(text: string) {
  const parsed = parseJsonText(text);
  if (parsed.ok) throw new Error("expected a syntax error");
  return parsed.error;
}

/** The same object with its keys (top level and per field) in reverse order, as DynamoDB may return them. */
function shuffled(doc: JsonObject): JsonObject {
  const reversed = (o: JsonObject) => Object.fromEntries(Object.entries(o).reverse()) as JsonObject;
  const out = reversed(doc);
  if (Array.isArray(out.fields)) out.fields = out.fields.map((f) => reversed(f as JsonObject));
  return out;
}

describe("blueprint JSON import and export", () => {
  it.each(SEED_FILES)("%s imports verbatim and exports byte for byte equal, whatever the stored key order", (file) => {
    const text = seedText(file);
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual(seed(file));
    expect(exportBlueprintText(parsed.value as JsonObject)).toBe(text);
    expect(exportBlueprintText(shuffled(seed(file)))).toBe(text);
  });

  it("keeps options in their display order", () => {
    const doc: JsonObject = { version: "0.0.1", irn: "irn:blueprint:x:y", fields: [{ options: { b: "B", a: "A" }, name: "f" }] };
    const out = exportBlueprintText(doc);
    expect(out.indexOf('"b"')).toBeLessThan(out.indexOf('"a"'));
    expect(out.indexOf('"irn"')).toBeLessThan(out.indexOf('"version"'));
    expect(out.indexOf('"name"')).toBeLessThan(out.indexOf('"options"'));
  });

  it("reports a trailing comma with its line and column", () => {
    const text = '{\n "irn": "x",\n "fields": [1, 2,]\n}';
    expect(errorOf(text)).toMatchObject({ line: 3, column: 18, message: expect.stringMatching(/trailing commas/) });
  });

  it("reports a missing comma, an unquoted key, an unclosed string and an early end", () => {
    expect(errorOf('{\n "a": 1\n "b": 2\n}')).toMatchObject({ line: 3, column: 2, message: 'Expected "," or "}" but found """.' });
    expect(errorOf("{\n  irn: 1}")).toMatchObject({ line: 2, column: 3, message: expect.stringMatching(/property name in double quotes/) });
    expect(errorOf('{"a": "open\n}')).toMatchObject({ line: 1, column: 12, message: expect.stringMatching(/raw line break/) });
    expect(errorOf('{"a": [1, 2')).toMatchObject({ line: 1, column: 12, message: expect.stringMatching(/the end of the text/) });
    expect(errorOf("")).toMatchObject({ line: 1, column: 1 });
    expect(errorOf('{"a": 1} x')).toMatchObject({ line: 1, column: 10, message: expect.stringMatching(/end of the text after/) });
    expect(errorOf('{"a": tru}')).toMatchObject({ line: 1, column: 10 });
    expect(errorOf('{"a": "\\x"}')).toMatchObject({ line: 1, column: 8, message: expect.stringMatching(/escape/) });
    expect(errorOf('{"a": -}')).toMatchObject({ line: 1, column: 8, message: expect.stringMatching(/digit/) });
  });

  it("accepts everything JSON allows, a byte-order mark included", () => {
    const text = '\uFEFF{"a": [true, false, null, -0.5e+3, "\\u00e9\\n", {}], "b": []}';
    expect(parseJsonText(text)).toEqual({ ok: true, value: { a: [true, false, null, -500, "é\n", {}], b: [] } });
  });

  it("counts lines and columns from 1", () => {
    expect(positionOf("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});

/** Cases the JSON widget's former scanner was tested on: each must fail JSON.parse and be placed where it breaks. */
describe("JSON syntax errors for the form's JSON widget and the document schema", () => {
  it.each([
    ['{"a": }', 1, 7],
    ['{\n  "a": 1,\n  oops\n}', 3, 3],
    ["[1, 2,]", 1, 7],
    ['{"a": 1} x', 1, 10],
    ["", 1, 1],
    ['{"a": "line\nbreak"}', 1, 12],
    ["[01]", 1, 3],
    ['"\\x"', 1, 2],
    ["{'a': 1}", 1, 2],
    ["[1 2]", 1, 4],
    ["tru", 1, 4],
    ['"\\u12G4"', 1, 2],
  ])("%j breaks at line %i, column %i", (text, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(errorOf(text)).toMatchObject({ line, column });
  });

  it.each(['{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}', " [ ] ", '"x"', "0"])("accepts valid JSON %j", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonTextError(text)).toBeNull();
  });

  it("words the message with the position and the reason", () => {
    expect(jsonTextError("{\n  oops\n}")).toBe('Invalid JSON at line 2, column 3: Expected a property name in double quotes but found "o".');
    expect(describeJsonError({ line: 4, column: 1, offset: 9, message: "Why." })).toBe("Invalid JSON at line 4, column 1: Why.");
  });
});
