import { type JsonObject, type JsonValue } from "@/lib/blueprints/json-text";
import { fieldName, fieldsOf, isMultiple, isTrue, optionsOf, orderOf, text } from "@/lib/blueprints/raw-fields";

/**
 * What changed from one blueprint version to another. Fields are matched by
 * name; a field that disappeared and one that appeared are taken for a rename
 * when they look alike (same label, same semantic URI used by no other field,
 * same order and type). Each change says whether existing documents may stop
 * validating (`breaking`), which is what the impact preview then measures.
 * Pure.
 */
export type ChangeKind =
  | "added"
  | "removed"
  | "renamed"
  | "single-to-multiple"
  | "multiple-to-single"
  | "newly-required"
  | "no-longer-required"
  | "type"
  | "widget"
  | "options-added"
  | "options-removed"
  | "options-relabelled"
  | "source"
  | "multilingual"
  | "property";

export type FieldChange = {
  kind: ChangeKind;
  /** The field's name in the new version (the old name for a removed field). */
  field: string;
  /** For a rename: the old name. */
  from?: string;
  /** The property that changed, for property-level changes. */
  property?: string;
  before?: JsonValue;
  after?: JsonValue;
  breaking: boolean;
  summary: string;
};

export type MetadataChange = { property: string; before?: JsonValue; after?: JsonValue };

export type BlueprintDiff = { from: string; to: string; metadata: MetadataChange[]; fields: FieldChange[] };

const IGNORED_METADATA = new Set(["fields", "version", "status", "added", "_id"]);

function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How likely an old and a new field are the same field renamed (0 = not at all). */
function renameScore(before: JsonObject, after: JsonObject, uniqueSemantics: Set<string>): { score: number; reason: string } {
  const reasons: string[] = [];
  let score = 0;
  const label = text(before.label).trim().toLowerCase();
  if (label && label === text(after.label).trim().toLowerCase()) {
    score += 2;
    reasons.push("same label");
  }
  const semantic = text(before.semantic).trim();
  if (semantic && semantic === text(after.semantic).trim() && uniqueSemantics.has(semantic)) {
    score += 2;
    reasons.push("same semantic URI");
  }
  if (orderOf(before) === orderOf(after) && Number.isFinite(orderOf(before))) {
    score += 1;
    reasons.push("same order");
  }
  if (text(before.type) !== text(after.type)) score -= 1;
  return { score, reason: reasons.join(", ") };
}

function semanticsUsedOnce(fields: JsonObject[]): Set<string> {
  const counts = new Map<string, number>();
  for (const f of fields) {
    const s = text(f.semantic).trim();
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n === 1).map(([s]) => s));
}

function propertyChanges(name: string, before: JsonObject, after: JsonObject): FieldChange[] {
  const out: FieldChange[] = [];
  const add = (kind: ChangeKind, breaking: boolean, summary: string, property?: string) =>
    out.push({ kind, field: name, breaking, summary, ...(property ? { property, before: before[property], after: after[property] } : {}) });

  if (!isMultiple(before) && isMultiple(after)) add("single-to-multiple", true, `${name} now holds several values`, "cardinality");
  if (isMultiple(before) && !isMultiple(after)) add("multiple-to-single", true, `${name} now holds one value`, "cardinality");
  if (!isTrue(before.required) && isTrue(after.required)) add("newly-required", true, `${name} is now required`, "required");
  if (isTrue(before.required) && !isTrue(after.required)) add("no-longer-required", false, `${name} is no longer required`, "required");
  if (text(before.type) !== text(after.type)) add("type", true, `${name}: type ${text(before.type)} → ${text(after.type)}`, "type");
  if (text(before.widget) !== text(after.widget)) add("widget", true, `${name}: widget ${text(before.widget)} → ${text(after.widget)}`, "widget");
  if (Boolean(before.multilingual) !== Boolean(after.multilingual)) {
    add("multilingual", true, `${name} is ${after.multilingual === true ? "now" : "no longer"} multilingual`, "multilingual");
  }
  if (text(before.source).trim() !== text(after.source).trim()) add("source", true, `${name}: source changed`, "source");

  const oldOptions = optionsOf(before);
  const newOptions = optionsOf(after);
  const removed = Object.keys(oldOptions).filter((k) => !(k in newOptions));
  const added = Object.keys(newOptions).filter((k) => !(k in oldOptions));
  const relabelled = Object.keys(newOptions).filter((k) => k in oldOptions && oldOptions[k] !== newOptions[k]);
  if (removed.length) add("options-removed", true, `${name}: option${removed.length > 1 ? "s" : ""} ${removed.join(", ")} removed`, "options");
  if (added.length) add("options-added", false, `${name}: option${added.length > 1 ? "s" : ""} ${added.join(", ")} added`, "options");
  if (relabelled.length) add("options-relabelled", false, `${name}: option labels changed for ${relabelled.join(", ")}`, "options");

  const handled = new Set(["name", "cardinality", "required", "type", "widget", "multilingual", "source", "options"]);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (handled.has(key) || same(before[key], after[key])) continue;
    add("property", false, `${name}: ${key} changed`, key);
  }
  return out;
}

export function diffBlueprints(before: JsonObject, after: JsonObject): BlueprintDiff {
  const metadata: MetadataChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (IGNORED_METADATA.has(key) || key.startsWith("_") || same(before[key], after[key])) continue;
    metadata.push({ property: key, before: before[key], after: after[key] });
  }

  const oldFields = fieldsOf(before);
  const newFields = fieldsOf(after);
  const oldByName = new Map(oldFields.map((f) => [fieldName(f), f]));
  const newByName = new Map(newFields.map((f) => [fieldName(f), f]));
  const gone = oldFields.filter((f) => !newByName.has(fieldName(f)));
  const arrived = newFields.filter((f) => !oldByName.has(fieldName(f)));

  // Pair renames greedily, best-looking pairs first.
  const unique = new Set([...semanticsUsedOnce(oldFields)].filter((s) => semanticsUsedOnce(newFields).has(s)));
  const candidates = gone.flatMap((o) => arrived.map((n) => ({ o, n, ...renameScore(o, n, unique) }))).filter((c) => c.score >= 2);
  candidates.sort((a, b) => b.score - a.score);
  const renamedFrom = new Map<JsonObject, { o: JsonObject; reason: string }>();
  const used = new Set<JsonObject>();
  for (const c of candidates) {
    if (used.has(c.o) || used.has(c.n)) continue;
    used.add(c.o).add(c.n);
    renamedFrom.set(c.n, { o: c.o, reason: c.reason });
  }

  const fields: FieldChange[] = [];
  for (const f of gone) {
    if (used.has(f)) continue;
    fields.push({ kind: "removed", field: fieldName(f), breaking: true, summary: `${fieldName(f)} removed` });
  }
  for (const f of newFields) {
    const name = fieldName(f);
    const old = oldByName.get(name);
    if (old) {
      fields.push(...propertyChanges(name, old, f));
      continue;
    }
    const rename = renamedFrom.get(f);
    if (rename) {
      const from = fieldName(rename.o);
      fields.push({ kind: "renamed", field: name, from, breaking: true, summary: `${from} renamed to ${name} (${rename.reason})` });
      fields.push(...propertyChanges(name, rename.o, f).filter((c) => c.property !== "label" && c.property !== "semantic"));
      continue;
    }
    const required = isTrue(f.required);
    fields.push({ kind: "added", field: name, breaking: required, summary: `${name} added${required ? " (required)" : ""}` });
  }
  return { from: text(before.version), to: text(after.version), metadata, fields };
}

/** The changes that concern one field of the new version (or a removed field by its old name). */
export function changesFor(diff: BlueprintDiff, field: string): FieldChange[] {
  return diff.fields.filter((c) => c.field === field || c.from === field);
}
