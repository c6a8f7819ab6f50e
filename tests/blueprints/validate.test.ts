import { describe, expect, it } from "vitest";
import type { JsonObject } from "@/lib/blueprints/json-text";
import { errorsOf, toFieldErrors, validateBlueprint, type KnownBlueprint } from "@/lib/blueprints/validate";
import { fieldName, fieldsOf } from "@/lib/blueprints/raw-fields";
import { copy, seed } from "./seed-files";

const known = (doc: JsonObject): KnownBlueprint => ({ name: String(doc.name), fields: fieldsOf(doc).map(fieldName) });
const jobs = seed("irma-schd-jobs.json");
const runs = seed("irma-schd-runs.json");
const entities = seed("sys-entities.json");
const KNOWN = [known(entities), known(jobs), known(runs)];

function field(overrides: JsonObject = {}): JsonObject {
  return {
    cardinality: "single", default: "", hint: "", label: "Title", layer: "0", multilingual: false,
    name: "title", order: "1", required: false, semantic: "", source: "", type: "string", widget: "text", ...overrides,
  };
}

function blueprint(fields: JsonObject[], overrides: JsonObject = {}): JsonObject {
  return { irn: "irn:blueprint:acme:things", version: "0.0.1", name: "things", label: "Things", status: "draft", fields, ...overrides };
}

const messages = (doc: JsonObject, options = {}) => errorsOf(validateBlueprint(doc, { known: KNOWN, ...options })).map((i) => `${i.path}: ${i.message}`);

describe("blueprint validation", () => {
  it("accepts the three seed blueprints imported verbatim, with warnings for their quirks", () => {
    for (const doc of [entities, jobs, runs]) expect(messages(doc, { importedVerbatim: true })).toEqual([]);
    const warnings = validateBlueprint(jobs, { known: KNOWN, importedVerbatim: true }).map((i) => `${i.path}: ${i.message}`);
    expect(warnings).toEqual([
      "fields.0.source: Field “name”: a source on a text field that names its own blueprint is ignored.",
      "fields.5.widget: Field “type”: a text widget with options is shown as a select.",
    ]);
    expect(validateBlueprint(entities, { importedVerbatim: true })).toEqual([
      { path: "fields.19.order", severity: "warning", message: "Field “language”: order 21 is shared by “raw_id”, “language”; kept as imported (ties keep the declared order)." },
    ]);
  });

  it("refuses a repeated order unless imported verbatim or inherited from the base version", () => {
    expect(messages(entities)).toEqual(["fields.19.order: Field “language”: order 21 is shared by “raw_id”, “language”; give each field its own order."]);
    expect(messages(entities, { inheritedDuplicateOrders: [21] })).toEqual([]);
    expect(messages(entities, { inheritedDuplicateOrders: [4] })).toHaveLength(1);
  });

  it("names the field of a duplicate or invalid name", () => {
    const doc = blueprint([field(), field({ name: "Title", order: "2" }), field({ name: "2nd", order: "3" }), field({ name: "_id", order: "4" }), field({ name: "doc_index", order: "5" }), field({ name: "", label: "Nameless", order: "6" })]);
    expect(messages(doc)).toEqual([
      "fields.1.name: Field “Title”: the name is already used by the field in row 1; field names must be unique (case-insensitively).",
      "fields.2.name: Field “2nd”: a name starts with a letter and uses letters, digits and _ (at most 64).",
      "fields.3.name: Field “_id”: a name starts with a letter and uses letters, digits and _ (at most 64).",
      "fields.4.name: Field “doc_index”: doc_index is a key of the documents table; choose another name.",
      "fields.5.name: Field “Nameless” (row 6): a name is required.",
    ]);
  });

  it("wants options or a source on a select", () => {
    const doc = blueprint([
      field({ widget: "select" }),
      field({ name: "tags", order: "2", widget: "multi-select", options: {} }),
      field({ name: "ok", order: "3", widget: "select", options: { a: "A" } }),
      field({ name: "alias", order: "4", widget: "multiselect" }),
    ]);
    expect(messages(doc)).toEqual([
      "fields.0.options: Field “title”: a select needs options or a source.",
      "fields.1.options: Field “tags”: a multi-select needs options or a source.",
      "fields.3.options: Field “alias”: a multi-select needs options or a source.",
    ]);
    // The renderer's aliases are known widgets, not warnings.
    expect(validateBlueprint(blueprint([field({ widget: "toggle", type: "bool" })]))).toEqual([]);
  });

  it("checks that a source names an existing blueprint and its fields", () => {
    const doc = blueprint([
      field({ widget: "select", source: "schd_jobs:_id:name" }),
      field({ name: "b", order: "2", widget: "select", source: "nothing:_id:name" }),
      field({ name: "c", order: "3", widget: "select", source: "schd_jobs:_id:title" }),
      field({ name: "d", order: "4", widget: "select", source: "schd_jobs:name" }),
      field({ name: "e", order: "5", widget: "select", source: "things:_id:title" }),
    ]);
    expect(messages(doc)).toEqual([
      "fields.1.source: Field “b”: the source names blueprint “nothing”, which this environment does not have.",
      "fields.2.source: Field “c”: the source's label field “title” is not a field of blueprint “schd_jobs”.",
      "fields.3.source: Field “d”: a source is written <blueprint name>:<value field>:<label field>, for example schd_jobs:_id:name.",
    ]);
    expect(messages(runs, { known: [] })).toEqual([
      "fields.0.source: Field “schd_jobs_id”: the source names blueprint “schd_jobs”, which this environment does not have.",
    ]);
  });

  it("checks the header and each property's kind", () => {
    const doc = blueprint(
      [field({ layer: "3", order: "x", cardinality: "many", required: "yes", label: "", semantic: "javascript:alert(1)", options: { a: 1 } })],
      { version: "1.0", irn: "blueprint:x", name: "Bad Name", status: "published", label: " " },
    );
    expect(Object.keys(toFieldErrors(validateBlueprint(doc)))).toEqual([
      "irn", "version", "name", "label", "status",
      "fields.0.label", "fields.0.options", "fields.0.order", "fields.0.layer", "fields.0.cardinality", "fields.0.required", "fields.0.semantic",
    ]);
    expect(messages(blueprint([]))).toEqual(["fields: A blueprint needs at least one field."]);
    expect(messages({ fields: "no" } as JsonObject)[0]).toBe("irn: irn must look like irn:blueprint:<handle>:<name>.");
    expect(validateBlueprint([])).toEqual([{ path: "", severity: "error", message: expect.stringMatching(/JSON object/) }]);
  });

  it("keeps a blueprint and its documents within a DynamoDB item", () => {
    const big = blueprint([field({ hint: "x".repeat(395 * 1024) })]);
    expect(messages(big)).toEqual([expect.stringMatching(/^fields: The blueprint takes 395\.\d KB; .* must stay under 392\.0 KB\.$/)]);
    const many = Array.from({ length: 1001 }, (_, i) => field({ name: `f${i}`, order: String(i) }));
    expect(messages(blueprint(many))).toContain("fields: A blueprint has at most 1000 fields; this one has 1001.");
    const wide = Array.from({ length: 900 }, (_, i) => field({ name: `${"n".repeat(60)}${i}`, order: String(i), multilingual: true }));
    expect(messages(blueprint(wide), { languages: Array.from({ length: 30 }, (_, i) => `l${i}`) })).toEqual([expect.stringMatching(/^fields: Field names alone would take/)]);
  });

  it("warns about an unknown widget or type and a non-http semantic URI without refusing", () => {
    const doc = blueprint([field({ widget: "colour", type: "rgb", semantic: "ftp://x.example/y" })]);
    expect(messages(doc)).toEqual([]);
    expect(validateBlueprint(doc).map((i) => i.path)).toEqual(["fields.0.type", "fields.0.widget", "fields.0.semantic"]);
  });

  it("does not change the document it checks", () => {
    const doc = copy(entities);
    validateBlueprint(doc, { known: KNOWN });
    expect(doc).toEqual(entities);
  });
});
