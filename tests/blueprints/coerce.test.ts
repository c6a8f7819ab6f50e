import { describe, expect, it } from "vitest";
import { coerceScalar } from "@/lib/blueprints/coerce";
import type { JsonValue } from "@/lib/blueprints/types";
import type { ValueType } from "@/lib/blueprints/widgets";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { blueprintWith } from "./seed";

describe("one coercion rule per type", () => {
  it.each([
    ["string", true, "true"],
    ["string", false, "false"],
    ["string", 12.5, "12.5"],
    ["string", { a: 1 }, '{"a":1}'],
    ["number", "42", 42],
    ["number", " -1.5 ", -1.5],
    ["number", "abc", undefined],
    ["number", true, undefined],
    ["integer", "3", 3],
    ["integer", 3.2, undefined],
    ["boolean", "TRUE", true],
    ["boolean", "no", false],
    ["boolean", 0, false],
    ["boolean", "maybe", undefined],
    ["date", "2025-01-17", "2025-01-17"],
    ["date", "2025-01-17T09:22:46.229773", "2025-01-17"],
    ["date", "17/01/2025", undefined],
    ["datetime", "2025-01-17", "2025-01-17T00:00"],
    ["datetime", "2025-01-17T09:22:46.229773", "2025-01-17T09:22:46.229773"],
    ["json", '{"a":[1]}', { a: [1] }],
    ["json", "3", undefined],
    ["json", [1, 2], [1, 2]],
    ["geo", "48.85,2.35", { lat: 48.85, lon: 2.35 }],
    ["geo", { lat: "10", lon: -20 }, { lat: 10, lon: -20 }],
    ["geo", { lat: 91, lon: 0 }, undefined],
  ] satisfies [ValueType, JsonValue, JsonValue | undefined][])("%s ← %j gives %j", (type, value, expected) => {
    expect(coerceScalar(value, type)).toEqual(expected);
  });

  it.each(["string", "number", "boolean", "json", "geo"] as const)("treats empty text and null as no value for %s", (type) => {
    expect(coerceScalar("", type)).toBeUndefined();
    expect(coerceScalar(null, type)).toBeUndefined();
  });
});

describe("defaults fitted to the field", () => {
  const en = { languages: ["en", "fr"] };

  it("turns a scalar default of a multiple field into a list and keeps the first item of a list on a single field", () => {
    const model = buildFormModel(blueprintWith({ cardinality: "multiple", default: "a" }, { default: ["x", "y"] }), en);
    expect(model.fields.map((f) => f.defaultValue)).toEqual([["a"], "x"]);
    expect(model.warnings.map((w) => w.message)).toEqual(["A list default on a single-value field: only its first item is used."]);
  });

  it("gives a scalar default of a multilingual field to the first language, and reads language maps", () => {
    const model = buildFormModel(blueprintWith({ multilingual: true, default: "Hello" }, { multilingual: true, default: { fr: "Salut", de: "Hallo" } }), en);
    expect(model.fields.map((f) => f.defaultValue)).toEqual([{ en: "Hello" }, { fr: "Salut" }]);
  });

  it("drops a default outside the options and an uncoercible one, saying why", () => {
    const model = buildFormModel(blueprintWith({ widget: "select", options: { a: "A" }, default: "b" }, { type: "number", default: "lots" }), en);
    expect(model.fields.map((f) => f.defaultValue)).toEqual([undefined, undefined]);
    expect(model.warnings.map((w) => w.message)).toEqual([
      'Default "b" is not one of the options: ignored.',
      'Default "lots" is not a valid number: ignored.',
    ]);
  });

  it("coerces a numeric text default of a number field without fuss but reports it", () => {
    const model = buildFormModel(blueprintWith({ type: "number", default: "7" }), en);
    expect(model.fields[0]?.defaultValue).toBe(7);
    expect(model.warnings.map((w) => w.message)).toEqual(['Default "7" coerced to 7 (number field).']);
  });
});
