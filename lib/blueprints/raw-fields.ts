import { isJsonObject, type JsonObject, type JsonValue } from "@/lib/blueprints/json-text";

/**
 * Reading a blueprint document as it is stored or imported: plain JSON whose
 * every property may be missing or of the wrong type. Validation, diff and
 * impact read through these helpers so that a malformed blueprint yields a
 * message, never a crash. Isomorphic and pure.
 */
export function fieldsOf(document: JsonObject): JsonObject[] {
  const fields = document.fields;
  return Array.isArray(fields) ? fields.filter(isJsonObject) : [];
}

export function text(value: JsonValue | undefined): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

export function fieldName(field: JsonObject): string {
  return text(field.name);
}

/** How a field is named in a message: its name, else its label, else its row. */
export function fieldTitle(field: JsonObject, index: number): string {
  const name = fieldName(field).trim();
  if (name) return `Field “${name}”`;
  const label = text(field.label).trim();
  return label ? `Field “${label}” (row ${index + 1})` : `Field in row ${index + 1}`;
}

/** `order` is a number or a numeric string in the seed; NaN when neither. */
export function orderOf(field: JsonObject): number {
  const o = field.order;
  if (typeof o === "number") return o;
  if (typeof o === "string" && o.trim() !== "") return Number(o);
  return Number.NaN;
}

export function optionsOf(field: JsonObject): Record<string, string> {
  const options = field.options;
  if (!isJsonObject(options)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(options)) out[k] = text(v);
  return out;
}

export function isTrue(value: JsonValue | undefined): boolean {
  return value === true || value === "true";
}

export function isMultiple(field: JsonObject): boolean {
  return text(field.cardinality) === "multiple";
}

/** `source` written `<blueprint name>:<value field>:<label field>`. */
export type SourceRef = { blueprint: string; valueField: string; labelField: string };

export function parseSource(source: string): SourceRef | undefined {
  const parts = source.split(":");
  if (parts.length !== 3 || parts.some((p) => p.trim() === "")) return undefined;
  const [blueprint = "", valueField = "", labelField = ""] = parts.map((p) => p.trim());
  return { blueprint, valueField, labelField };
}
