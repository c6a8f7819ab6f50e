import type { Blueprint, BlueprintField } from "@/lib/blueprints/types";

/**
 * Generated blueprints for the form preview page, the e2e tests and the
 * forms bench: every widget, lists, languages, a source, and one full of
 * HTML/script payloads that must render as text.
 */

type FieldSpec = Partial<BlueprintField> & { name: string; widget: string };

function field(spec: FieldSpec, index: number): BlueprintField {
  return {
    cardinality: "single",
    default: "",
    hint: "",
    label: spec.name,
    layer: "0",
    multilingual: false,
    order: String(index + 1),
    required: false,
    semantic: "",
    source: "",
    type: "string",
    ...spec,
  };
}

function blueprint(name: string, label: string, specs: FieldSpec[]): Blueprint {
  return {
    irn: `irn:blueprint:sample:${name}`,
    name,
    version: "0.0.1",
    label,
    status: "draft",
    description: `${label} (generated sample)`,
    fields: specs.map(field),
  };
}

const COLOURS = { red: "Red", green: "Green", blue: "Blue" };

export function kitchenSinkBlueprint(): Blueprint {
  return blueprint("kitchen_sink", "Kitchen sink", [
    { name: "title", label: "Title", widget: "text", required: true, hint: "Shown in lists", semantic: "https://schema.org/name" },
    { name: "summary", label: "Summary", widget: "textarea", multilingual: true, hint: "One per language" },
    { name: "count", label: "Count", widget: "number", type: "integer", default: "3" },
    { name: "price", label: "Price", widget: "number", type: "number" },
    { name: "colour", label: "Colour", widget: "select", options: COLOURS, required: true },
    { name: "palette", label: "Palette", widget: "multi-select", cardinality: "multiple", options: COLOURS },
    { name: "active", label: "Active", widget: "checkbox", type: "boolean", default: true },
    { name: "notify", label: "Notify", widget: "switch", type: "boolean" },
    { name: "starts", label: "Starts on", widget: "date" },
    { name: "updated", label: "Updated at", widget: "datetime" },
    { name: "contact", label: "Contact email", widget: "email" },
    { name: "homepage", label: "Home page", widget: "url", semantic: "hs:home" },
    { name: "tags", label: "Tags", widget: "text", cardinality: "multiple", default: ["alpha", "beta"] },
    { name: "settings", label: "Settings", widget: "json", layer: "1", hint: "A JSON object or array" },
    { name: "place", label: "Place", widget: "geo", layer: "1" },
    { name: "job", label: "Job", widget: "select", source: "demo_jobs:_id:name", layer: "1", hint: "Searches the demo jobs", default: "job-042" },
    { name: "mystery", label: "Mystery widget", widget: "colour-wheel", layer: "2" },
    { name: "audit_note", label: "Audit note", widget: "text", layer: "2", required: true },
  ]);
}

const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

/** Labels, hints, options and semantics carrying HTML and script: all must show as text. */
export function payloadBlueprint(): Blueprint {
  return blueprint("payloads", `Payloads ${PAYLOAD}`, [
    { name: "p_label", label: `Label ${PAYLOAD}`, widget: "text", hint: `Hint ${PAYLOAD}` },
    { name: "p_select", label: "Options", widget: "select", options: { x: `Option ${PAYLOAD}`, y: "<b>bold</b>" } },
    { name: "p_semantic", label: "Semantic", widget: "text", semantic: "javascript:window.__xss=3" },
    { name: "p_section", label: "Hidden payload", widget: "text", layer: "1", hint: "<iframe src=javascript:window.__xss=4>" },
  ]);
}

export const PAYLOAD_TEXT = PAYLOAD;

const BENCH_WIDGETS: FieldSpec[] = [
  { name: "text", widget: "text" },
  { name: "textarea", widget: "textarea" },
  { name: "number", widget: "number", type: "number" },
  { name: "select", widget: "select", options: COLOURS },
  { name: "multi", widget: "multi-select", cardinality: "multiple", options: COLOURS },
  { name: "check", widget: "checkbox", type: "boolean" },
  { name: "date", widget: "date" },
  { name: "datetime", widget: "datetime" },
  { name: "email", widget: "email" },
  { name: "url", widget: "url" },
  { name: "json", widget: "json" },
  { name: "geo", widget: "geo" },
  { name: "list", widget: "text", cardinality: "multiple", default: ["a", "b"] },
  { name: "i18n", widget: "text", multilingual: true },
];

/**
 * A blueprint of `count` fields cycling through every widget, some multiple,
 * some multilingual. All in layer 0: collapsed sections would spare our
 * renderer the layout of most fields, and rjsf has no sections to compare with.
 */
export function benchBlueprint(count: number): Blueprint {
  const specs = Array.from({ length: count }, (_, i) => {
    const base = BENCH_WIDGETS[i % BENCH_WIDGETS.length] ?? { name: "text", widget: "text" };
    return { ...base, name: `${base.name}_${i}`, label: `Field ${i} (${base.widget})`, layer: "0", required: i % 10 === 0, hint: `Hint ${i}` };
  });
  return blueprint("bench", `Bench (${count} fields)`, specs);
}
