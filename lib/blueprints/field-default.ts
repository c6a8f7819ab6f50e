import { coerceScalar } from "@/lib/blueprints/coerce";
import type { FormField } from "@/lib/blueprints/form-model";
import type { JsonValue } from "@/lib/blueprints/types";

/**
 * A blueprint default in document shape: each scalar coerced by the rule of
 * coerce.ts, then fitted to the field's shape. A list default on a single
 * field keeps its first item; a scalar default on a multiple field becomes a
 * one-item list; a scalar default on a multilingual field is the value of the
 * first (default) language; a default outside the options is dropped. Each
 * reinterpretation is reported through `warn` so the editor can show it.
 */

type Shape = Pick<FormField, "valueType" | "options" | "multiple" | "multilingual" | "widget">;

function describe(value: JsonValue): string {
  return JSON.stringify(value);
}

function coerceItem(value: JsonValue, field: Shape, warn: (message: string) => void): JsonValue | undefined {
  const coerced = coerceScalar(value, field.valueType);
  if (value === "" || value === null) return undefined;
  if (coerced === undefined) {
    warn(`Default ${describe(value)} is not a valid ${field.valueType}: ignored.`);
    return undefined;
  }
  if (field.options.length && !field.options.some((o) => o.value === String(coerced))) {
    warn(`Default ${describe(value)} is not one of the options: ignored.`);
    return undefined;
  }
  if (typeof coerced !== typeof value || (typeof coerced !== "object" && coerced !== value)) {
    warn(`Default ${describe(value)} coerced to ${describe(coerced)} (${field.valueType} field).`);
  }
  return coerced;
}

function coerceOne(value: JsonValue, field: Shape, warn: (message: string) => void): JsonValue | undefined {
  if (!field.multiple) {
    if (Array.isArray(value) && field.valueType !== "json") {
      if (value.length > 1) warn("A list default on a single-value field: only its first item is used.");
      return value.length ? coerceItem(value[0] ?? null, field, warn) : undefined;
    }
    return coerceItem(value, field, warn);
  }
  const items = Array.isArray(value) ? value : [value];
  const list = items.map((item) => coerceItem(item, field, warn)).filter((item): item is JsonValue => item !== undefined);
  return list.length ? list : undefined;
}

function isLanguageMap(value: JsonValue, languages: string[]): value is { [lang: string]: JsonValue } {
  return value !== null && typeof value === "object" && !Array.isArray(value) && languages.some((lang) => lang in value);
}

export function coerceDefault(
  value: JsonValue | undefined,
  field: Shape,
  languages: string[],
  warn: (message: string) => void,
): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (!field.multilingual) return coerceOne(value, field, warn);
  const first = languages[0] ?? "en";
  const map: { [lang: string]: JsonValue } = {};
  if (isLanguageMap(value, languages)) {
    for (const lang of languages) {
      const item = value[lang];
      const coerced = item === undefined ? undefined : coerceOne(item, field, warn);
      if (coerced !== undefined) map[lang] = coerced;
    }
  } else {
    const coerced = coerceOne(value, field, warn);
    if (coerced !== undefined) map[first] = coerced;
  }
  return Object.keys(map).length ? map : undefined;
}
