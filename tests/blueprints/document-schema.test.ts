import { describe, expect, it } from "vitest";
import { buildDocumentSchema } from "@/lib/blueprints/document-schema";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { defaultValues, emptyValues } from "@/lib/blueprints/form-values";
import { blueprintWith, seedBlueprint } from "./seed";

const en = { languages: ["en"] };

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("document schema of the seed blueprints", () => {
  it("entities: names each missing required field, and the blueprint's defaults fill the form", () => {
    const blueprint = seedBlueprint("sys-entities.json");
    const model = buildFormModel(blueprint, en);
    const schema = buildDocumentSchema(blueprint, en);
    const form = defaultValues(model);
    expect(form.is_active).toBe("true");
    expect(form.type).toBe("false");
    expect(issues(schema.safeParse(form))).toEqual(["name: Required", "email: Required", "owner_id: Required"]);
    const parsed = schema.parse({ ...form, name: "Acme", email: "not checked: a text widget", owner_id: "u-1" });
    expect(parsed).toEqual({ name: "Acme", email: "not checked: a text widget", owner_id: "u-1", is_active: "true", type: "false" });
  });

  it("schd_jobs: the type select (options on a text widget) only takes its options", () => {
    const schema = buildDocumentSchema(seedBlueprint("irma-schd-jobs.json"), en);
    const base = { name: "nightly", status: "available", handler: "jobs.nightly" };
    expect(schema.parse({ ...base, type: "training" })).toEqual({ ...base, type: "training" });
    expect(issues(schema.safeParse({ ...base, type: "Training", status: "gone" }))).toEqual([
      "status: Choose one of the options",
      "type: Choose one of the options",
    ]);
  });

  it("schd_runs: the source-backed job select takes any id, and undeclared fields are named", () => {
    const schema = buildDocumentSchema(seedBlueprint("irma-schd-runs.json"), en);
    const run = { schd_jobs_id: "5e834ed5-any-id", status: "new", trigger: "api", author: "u-1" };
    expect(schema.parse(run)).toEqual(run);
    expect(issues(schema.safeParse({ ...run, priority: 1, _hack: "x" }))).toEqual([
      "priority: Not a field of this blueprint",
      "_hack: Not a field of this blueprint",
    ]);
  });

  it("gives the same output when the server re-parses the browser's output", () => {
    const schema = buildDocumentSchema(seedBlueprint("irma-schd-runs.json"), en);
    const once = schema.parse({ schd_jobs_id: "j", status: "new", trigger: "cron", author: "a", output: "", time_queued: "  " });
    expect(schema.parse(once)).toEqual(once);
    expect(once).toEqual({ schd_jobs_id: "j", status: "new", trigger: "cron", author: "a" });
  });
});

describe("values per type", () => {
  const blueprint = blueprintWith(
    { name: "n", type: "number" },
    { name: "i", type: "integer" },
    { name: "b", widget: "switch" },
    { name: "d", widget: "date" },
    { name: "t", widget: "datetime" },
    { name: "e", widget: "email" },
    { name: "u", widget: "url" },
    { name: "j", widget: "json" },
    { name: "g", widget: "geo" },
  );
  const schema = buildDocumentSchema(blueprint, en);

  it("coerces form text into typed values", () => {
    const form = {
      n: "2.5", i: "3", b: true, d: "2025-01-17", t: "2025-01-17T09:30", e: "a@example.org", u: "https://example.org/x",
      j: '{"a": [1, 2]}', g: { lat: "48.85", lon: "2.35" },
    };
    const out = schema.parse(form);
    expect(out).toEqual({
      n: 2.5, i: 3, b: true, d: "2025-01-17", t: "2025-01-17T09:30", e: "a@example.org", u: "https://example.org/x",
      j: { a: [1, 2] }, g: { lat: 48.85, lon: 2.35 },
    });
    expect(schema.parse(out)).toEqual(out);
  });

  it("explains each wrong value on its field", () => {
    const result = schema.safeParse({
      n: "ten", i: "1.5", b: "maybe", d: "17/01/2025", t: "noon", e: "nope", u: "javascript:alert(1)",
      j: '{"a": }', g: { lat: "95", lon: "" },
    });
    expect(issues(result)).toEqual([
      "n: Enter a number",
      "i: Enter a whole number",
      "b: Choose yes or no",
      "d: Enter a date (YYYY-MM-DD)",
      "t: Enter a date and time",
      "e: Enter an email address",
      "u: Enter an http(s) URL",
      expect.stringMatching(/^j: Invalid JSON/),
      "g.lat: Latitude is between -90 and 90",
      "g.lon: Enter a longitude",
    ]);
  });

  it("reports where JSON breaks, and rejects a JSON scalar", () => {
    expect(issues(schema.safeParse({ j: '{\n  "a": 1,\n  oops\n}' }))).toEqual([expect.stringMatching(/^j: Invalid JSON at line 3, column 3: Expected a property name in double quotes/)]);
    expect(issues(schema.safeParse({ j: '"text"' }))).toEqual(["j: Enter a JSON object or array"]);
  });

  it("leaves empty values out", () => {
    expect(schema.parse(emptyValues(buildFormModel(blueprint, en)))).toEqual({ b: false });
  });
});

describe("cardinality and languages", () => {
  const languages = { languages: ["en", "fr"] };

  it("validates multiple values as a list, dropping blank items and naming the bad one", () => {
    const schema = buildDocumentSchema(blueprintWith({ name: "tags", cardinality: "multiple", required: true }, { name: "n", type: "number", cardinality: "multiple" }), languages);
    expect(schema.parse({ tags: ["a", "", "b"], n: ["1", "2"] })).toEqual({ tags: ["a", "b"], n: [1, 2] });
    expect(issues(schema.safeParse({ tags: [""], n: ["1", "x"] }))).toEqual(["tags: Required", "n.1: Enter a number"]);
  });

  it("checks every value of a multi-select against the options", () => {
    const schema = buildDocumentSchema(blueprintWith({ name: "c", widget: "multi-select", options: { r: "Red", g: "Green" } }), languages);
    expect(schema.parse({ c: ["r", "g"] })).toEqual({ c: ["r", "g"] });
    expect(issues(schema.safeParse({ c: ["r", "b"] }))).toEqual(["c.1: Choose one of the options"]);
  });

  it("keeps one value per language; a required one needs the first language", () => {
    const blueprint = blueprintWith({ name: "title", multilingual: true, required: true }, { name: "kw", multilingual: true, cardinality: "multiple" });
    const schema = buildDocumentSchema(blueprint, languages);
    expect(defaultValues(buildFormModel(blueprint, languages))).toEqual({ title: { en: "", fr: "" }, kw: { en: [], fr: [] } });
    expect(schema.parse({ title: { en: "Hello", fr: "" }, kw: { fr: ["a"] } })).toEqual({ title: { en: "Hello" }, kw: { fr: ["a"] } });
    expect(issues(schema.safeParse({ title: { en: "", fr: "Bonjour" } }))).toEqual(["title.en: Required in en"]);
    expect(issues(schema.safeParse({ title: { en: "", fr: "" } }))).toEqual(["title: Required"]);
    expect(issues(schema.safeParse({ title: "Hello" }))).toEqual(["title: Enter a value per language"]);
  });

  it("turns stored documents back into form values, keeping languages beyond the configured ones", () => {
    const blueprint = blueprintWith({ name: "title", multilingual: true }, { name: "n", type: "number" }, { name: "j", widget: "json" }, { name: "g", widget: "geo" });
    const model = buildFormModel(blueprint, languages);
    expect(defaultValues(model, { title: { en: "Hi", de: "Hallo" }, n: 4, j: { a: 1 }, g: { lat: 1, lon: 2 } })).toEqual({
      title: { en: "Hi", fr: "", de: "Hallo" },
      n: "4",
      j: '{\n  "a": 1\n}',
      g: { lat: "1", lon: "2" },
    });
  });
});
