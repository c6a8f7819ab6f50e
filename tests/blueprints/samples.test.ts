import { describe, expect, it } from "vitest";
import { buildDocumentSchema } from "@/lib/blueprints/document-schema";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { defaultValues } from "@/lib/blueprints/form-values";
import { benchBlueprint, kitchenSinkBlueprint, payloadBlueprint } from "@/lib/blueprints/samples";
import { parseBlueprint } from "@/lib/blueprints/types";
import { WIDGET_KINDS } from "@/lib/blueprints/widgets";

const languages = { languages: ["en", "fr", "de"] };

describe("generated sample blueprints", () => {
  it("are valid stored blueprints", () => {
    for (const blueprint of [kitchenSinkBlueprint(), payloadBlueprint(), benchBlueprint(300)]) {
      expect(parseBlueprint(JSON.parse(JSON.stringify(blueprint))).success).toBe(true);
    }
  });

  it("the kitchen sink has every widget, a list, languages and a source, and warns on its two deliberate quirks", () => {
    const model = buildFormModel(kitchenSinkBlueprint(), languages);
    const widgets = new Set(model.fields.map((f) => f.widget));
    expect(WIDGET_KINDS.filter((w) => !widgets.has(w))).toEqual([]);
    expect(model.fields.some((f) => f.multilingual)).toBe(true);
    expect(model.fields.some((f) => f.multiple && f.widget === "text")).toBe(true);
    expect(model.fields.some((f) => f.source)).toBe(true);
    expect(model.warnings).toEqual([
      { field: "count", message: 'Default "3" coerced to 3 (integer field).' },
      { field: "mystery", message: 'Unknown widget "colour-wheel": rendered as text.' },
    ]);
  });

  it("the bench blueprint has 300 fields over every widget, and its empty form only misses required values", () => {
    const model = buildFormModel(benchBlueprint(300), languages);
    expect(model.fields).toHaveLength(300);
    expect(model.warnings).toEqual([]);
    const result = buildDocumentSchema(model, languages).safeParse(defaultValues(model));
    const messages = new Set(result.error?.issues.map((i) => i.message));
    expect([...messages]).toEqual(["Required"]);
  });
});
