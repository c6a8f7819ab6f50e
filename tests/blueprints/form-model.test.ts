import { describe, expect, it } from "vitest";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { blueprintWith, seedBlueprint } from "./seed";

const en = { languages: ["en"] };

describe("form model of the seed entities blueprint", () => {
  const model = buildFormModel(seedBlueprint("sys-entities.json"), en);

  it("sorts by numeric order, the two order-21 fields in declared order", () => {
    expect(model.fields.map((f) => f.name)).toEqual([
      "name", "about", "handle", "location", "email", "slot_a", "slot_b", "slot_c", "slot_d", "slot_e",
      "owner_id", "added", "is_active", "type", "last_ip", "last_login", "modified", "raw_id", "language", "irn",
    ]);
    expect(model.fields.map((f) => f.order).slice(-3)).toEqual([21, 21, 22]);
  });

  it("groups layers 0, 1 and 2 into Main (open), Details and System", () => {
    expect(model.sections.map((s) => [s.title, s.collapsible, s.fields.map((f) => f.name)])).toEqual([
      ["Main", false, ["name", "about"]],
      ["Details", true, ["handle", "location"]],
      ["System", true, ["email", "slot_a", "slot_b", "slot_c", "slot_d", "slot_e", "owner_id", "added", "is_active", "type", "last_ip", "last_login", "modified", "raw_id", "language", "irn"]],
    ]);
  });

  it("coerces the boolean defaults of string fields to text, with a warning each", () => {
    const byName = new Map(model.fields.map((f) => [f.name, f]));
    expect(byName.get("is_active")?.defaultValue).toBe("true");
    expect(byName.get("type")?.defaultValue).toBe("false");
    expect(byName.get("name")?.defaultValue).toBeUndefined();
    expect(model.warnings).toEqual([
      { field: "is_active", message: 'Default true coerced to "true" (string field).' },
      { field: "type", message: 'Default false coerced to "false" (string field).' },
    ]);
  });

  it("reads required, hints, text widgets and schema.org semantics as links", () => {
    expect(model.fields.filter((f) => f.required).map((f) => f.name)).toEqual(["name", "email", "owner_id"]);
    expect(new Set(model.fields.map((f) => `${f.widget}/${f.valueType}`))).toEqual(new Set(["text/string"]));
    const name = model.fields[0];
    expect(name?.hint).toBe("The name of the entity");
    expect(name?.semantic).toEqual({ text: "https://schema.org/name", href: "https://schema.org/name" });
    expect(model.fields.find((f) => f.name === "type")?.hint).toBe("<user|portfolio|org|team|app> ");
  });
});

describe("form model of the seed schd_jobs blueprint", () => {
  const model = buildFormModel(seedBlueprint("irma-schd-jobs.json"), en);

  it("ignores the self-referencing source on the name text field", () => {
    const name = model.fields.find((f) => f.name === "name");
    expect(name?.widget).toBe("text");
    expect(name?.source).toBeNull();
  });

  it("renders the type text field with options as a select", () => {
    const type = model.fields.find((f) => f.name === "type");
    expect(type?.widget).toBe("select");
    expect(type?.declaredWidget).toBe("text");
    expect(type?.options[0]).toEqual({ value: "control", label: "Control" });
    expect(type?.options).toHaveLength(11);
  });

  it("says both in its warnings, and keeps hs: semantics as text", () => {
    expect(model.warnings).toEqual([
      { field: "name", message: 'Source "schd_jobs:_id:name" names this blueprint on a text field: ignored.' },
      { field: "type", message: "Options on a text widget: rendered as a select." },
    ]);
    expect(model.fields[0]?.semantic).toEqual({ text: "hs:name", href: null });
    expect(model.sections).toHaveLength(1);
  });
});

describe("form model of the seed schd_runs blueprint", () => {
  const model = buildFormModel(seedBlueprint("irma-schd-runs.json"), en);

  it("feeds the job select from schd_jobs documents", () => {
    const job = model.fields[0];
    expect(job?.name).toBe("schd_jobs_id");
    expect(job?.widget).toBe("select");
    expect(job?.source).toEqual({ blueprint: "schd_jobs", valueField: "_id", labelField: "name" });
    expect(job?.options).toEqual([]);
  });

  it("puts output (layer 1) in Details, everything else in Main, with no warnings", () => {
    expect(model.sections.map((s) => [s.title, s.fields.map((f) => f.name)])).toEqual([
      ["Main", ["schd_jobs_id", "status", "trigger", "author", "time_queued", "time_executed"]],
      ["Details", ["output"]],
    ]);
    expect(model.warnings).toEqual([]);
    expect(model.fields.find((f) => f.name === "trigger")?.options).toEqual([
      { value: "api", label: "call" },
      { value: "cron", label: "cron" },
      { value: "manual", label: "manual" },
    ]);
  });
});

describe("widget resolution", () => {
  it.each([
    ["text", "string", "text", "string"],
    ["textarea", "string", "textarea", "string"],
    ["number", "string", "number", "number"],
    ["checkbox", "string", "checkbox", "boolean"],
    ["switch", "boolean", "switch", "boolean"],
    ["date", "string", "date", "date"],
    ["datetime", "string", "datetime", "datetime"],
    ["email", "string", "email", "email"],
    ["url", "string", "url", "url"],
    ["json", "string", "json", "json"],
    ["geo", "string", "geo", "geo"],
    ["text", "integer", "number", "integer"],
    ["text", "boolean", "checkbox", "boolean"],
  ])("widget %s on type %s renders %s for %s values", (widget, type, expected, valueType) => {
    const [field] = buildFormModel(blueprintWith({ widget, type }), en).fields;
    expect([field?.widget, field?.valueType]).toEqual([expected, valueType]);
  });

  it("renders an unknown widget as text, with a warning", () => {
    const model = buildFormModel(blueprintWith({ widget: "colour-wheel" }), en);
    expect(model.fields[0]?.widget).toBe("text");
    expect(model.warnings).toEqual([{ field: "f0", message: 'Unknown widget "colour-wheel": rendered as text.' }]);
  });

  it("treats an unknown type as string, and a widget that cannot edit the type falls back", () => {
    const model = buildFormModel(blueprintWith({ type: "money" }, { type: "geo", widget: "checkbox" }), en);
    expect(model.fields.map((f) => [f.widget, f.valueType])).toEqual([["text", "string"], ["geo", "geo"]]);
    expect(model.warnings.map((w) => w.message)).toEqual([
      'Unknown type "money": treated as string.',
      "A checkbox widget cannot edit a geo value: rendered as geo.",
    ]);
  });

  it("makes a multiple select with options a multi-select, and a select without choices text", () => {
    const options = { a: "A", b: "B" };
    const model = buildFormModel(blueprintWith({ widget: "select", options, cardinality: "multiple" }, { widget: "select" }, { widget: "multi-select", options }), en);
    expect(model.fields.map((f) => [f.widget, f.multiple])).toEqual([["multi-select", true], ["text", false], ["multi-select", true]]);
    expect(model.warnings.map((w) => w.message)).toEqual([
      "A select without options or source: rendered as text.",
      "A multi-select holds several values: cardinality treated as multiple.",
    ]);
  });

  it("reports a malformed source and prefers a source over options", () => {
    const model = buildFormModel(blueprintWith({ widget: "select", source: "jobs:_id" }, { widget: "select", source: "jobs:_id:name", options: { a: "A" } }), en);
    expect(model.fields.map((f) => [f.widget, f.source?.blueprint ?? null, f.options.length])).toEqual([["text", null, 0], ["select", "jobs", 0]]);
    expect(model.warnings.map((w) => w.message)).toEqual([
      'Source "jobs:_id" is not <blueprint>:<value field>:<label field>: ignored.',
      "A select without options or source: rendered as text.",
      "Both options and a source: the source is used, the options are ignored.",
    ]);
  });
});

describe("layers, orders and text", () => {
  it("gives other layer numbers their own sections and unreadable layers the main one", () => {
    const model = buildFormModel(blueprintWith({ layer: 5 }, { layer: "x" }, { layer: "2" }), en);
    expect(model.sections.map((s) => [s.layer, s.title, s.fields.map((f) => f.name)])).toEqual([
      [0, "Main", ["f1"]],
      [2, "System", ["f2"]],
      [5, "Layer 5", ["f0"]],
    ]);
    expect(model.warnings).toEqual([{ field: "f1", message: 'Layer "x" is not a whole number: shown in the main section.' }]);
  });

  it("places unreadable orders last and keeps declared order among equals", () => {
    const model = buildFormModel(blueprintWith({ order: "" }, { order: 3 }, { order: "1.5" }, { order: "3" }), en);
    expect(model.fields.map((f) => f.name)).toEqual(["f2", "f1", "f3", "f0"]);
  });

  it("keeps script and HTML in labels, hints and options as plain strings", () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const model = buildFormModel(blueprintWith({ label: payload, hint: payload, widget: "select", options: { x: payload } }), en);
    const [field] = model.fields;
    expect([field?.label, field?.hint, field?.options[0]?.label]).toEqual([payload, payload, payload]);
  });

  it("never turns a javascript: or data: semantic into a link", () => {
    const model = buildFormModel(blueprintWith({ semantic: "javascript:alert(1)" }, { semantic: "data:text/html,hi" }, { semantic: "HTTP://Example.org/x" }), en);
    expect(model.fields.map((f) => f.semantic?.href ?? null)).toEqual([null, null, "http://example.org/x"]);
  });

  it("labels an unlabelled field by its name and drops a duplicate name", () => {
    const model = buildFormModel(blueprintWith({ label: " " }, { name: "f0" }), en);
    expect(model.fields.map((f) => f.label)).toEqual(["f0"]);
    expect(model.warnings).toEqual([{ field: "f0", message: 'Duplicate field name "f0": only the first is used.' }]);
  });
});
