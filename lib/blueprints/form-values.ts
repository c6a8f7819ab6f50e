import { coerceScalar } from "@/lib/blueprints/coerce";
import type { FormField, FormModel } from "@/lib/blueprints/form-model";
import type { JsonValue } from "@/lib/blueprints/types";

/**
 * Form values: what the inputs hold, as opposed to document values. Text,
 * numbers, dates and JSON are edited as strings, booleans as booleans, geo as
 * `{ lat, lon }` strings; a multiple field is a list of those, a multilingual
 * one a map with every configured language. The document schema turns these
 * into document values.
 */

export type GeoFormValue = { lat: string; lon: string };
export type ItemFormValue = string | boolean | GeoFormValue;
export type ShapedFormValue = ItemFormValue | ItemFormValue[];
export type FieldFormValue = ShapedFormValue | { [lang: string]: ShapedFormValue };
export type FormValues = Record<string, FieldFormValue>;

export function isEmptyItem(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "object" && !Array.isArray(value) && "lat" in value && "lon" in value) {
    return isEmptyItem(value.lat) && isEmptyItem(value.lon);
  }
  return false;
}

function emptyItem(field: FormField): ItemFormValue {
  if (field.valueType === "boolean") return false;
  if (field.valueType === "geo") return { lat: "", lon: "" };
  return "";
}

/** datetime-local inputs take `YYYY-MM-DDTHH:mm[:ss]` without a zone: zoned values are shown in UTC. */
function datetimeInput(value: string): string {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().slice(0, 19);
}

function itemFormValue(field: FormField, value: JsonValue | undefined): ItemFormValue {
  if (value === undefined || value === null) return emptyItem(field);
  switch (field.valueType) {
    case "boolean":
      return coerceScalar(value, "boolean") === true;
    case "geo": {
      if (typeof value === "object" && !Array.isArray(value)) {
        const text = (v: JsonValue | undefined) => (v === undefined || v === null ? "" : String(v));
        return { lat: text(value.lat), lon: text(value.lon) };
      }
      return emptyItem(field);
    }
    case "json":
      return typeof value === "string" ? value : JSON.stringify(value, null, 2);
    case "datetime":
      return typeof value === "string" ? datetimeInput(value) : String(value);
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

function shapedFormValue(field: FormField, value: JsonValue | undefined): ShapedFormValue {
  if (!field.multiple) return itemFormValue(field, Array.isArray(value) && field.valueType !== "json" ? value[0] : value);
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => itemFormValue(field, item));
}

export function fieldFormValue(field: FormField, value: JsonValue | undefined, languages: string[]): FieldFormValue {
  if (!field.multilingual) return shapedFormValue(field, value);
  const map: { [lang: string]: JsonValue } =
    value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
  // Languages the document has beyond the configured ones are kept, so editing never drops them.
  const langs = [...new Set([...languages, ...Object.keys(map)])];
  return Object.fromEntries(langs.map((lang) => [lang, shapedFormValue(field, map[lang])]));
}

/** Form values for a document (editing), or for a new document (the blueprint's defaults) when none is given. */
export function defaultValues(model: FormModel, document?: Record<string, JsonValue | undefined>): FormValues {
  const values: FormValues = {};
  for (const field of model.fields) {
    const value = document ? document[field.name] : field.defaultValue;
    values[field.name] = fieldFormValue(field, value, model.languages);
  }
  return values;
}

/** Form values with every field empty, ignoring the blueprint's defaults. */
export function emptyValues(model: FormModel): FormValues {
  return defaultValues(model, {});
}
