import { z } from "zod";
import { DATE_RE, DATETIME_RE } from "@/lib/blueprints/coerce";
import { buildFormModel, type FormField, type FormModel, type FormModelOptions } from "@/lib/blueprints/form-model";
import { jsonValueSchema, type Blueprint, type JsonValue } from "@/lib/blueprints/types";
import { isEmptyItem } from "@/lib/blueprints/form-values";
import { describeJsonError, parseJsonText } from "@/lib/blueprints/json-text";

/**
 * The one zod schema of a blueprint's documents. The browser validates form
 * values with it (zodResolver) and submits its output; the server parses that
 * output again with the same schema, so every rule accepts both shapes:
 * numbers as text or numbers, JSON as text or parsed, geo as text or numbers.
 *
 * Output: field name → value, absent when empty. A multiple field is a list, a
 * multilingual field a `{ [language]: value }` map (a required one needs the
 * first, default language). JSON fields hold an object or array. A source-backed
 * select accepts any text here: that the document exists is the server's check.
 * Keys the blueprint does not declare are errors on that key.
 */

export type DocumentValues = Record<string, JsonValue>;

function numberInput(value: unknown): unknown {
  return typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : value;
}

function booleanInput(value: unknown): unknown {
  if (value === "true") return true;
  if (value === "false") return false;
  return value;
}

const jsonStructure = z.union([z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]);

const jsonItem = z.unknown().transform((input, ctx): JsonValue => {
  let value: unknown = input;
  if (typeof input === "string") {
    const parsed = parseJsonText(input);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: describeJsonError(parsed.error) });
      return z.NEVER;
    }
    value = parsed.value;
  }
  const parsed = jsonStructure.safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: "Enter a JSON object or array" });
    return z.NEVER;
  }
  return parsed.data;
});

function coordinate(name: string, limit: number) {
  return z.preprocess(
    numberInput,
    z
      .number({ error: `Enter a ${name}` })
      .min(-limit, `${name[0]?.toUpperCase()}${name.slice(1)} is between -${limit} and ${limit}`)
      .max(limit, `${name[0]?.toUpperCase()}${name.slice(1)} is between -${limit} and ${limit}`),
  );
}

const geoItem = z.object({ lat: coordinate("latitude", 90), lon: coordinate("longitude", 180) }, { error: "Enter a latitude and a longitude" });

function baseItem(field: FormField): z.ZodType<JsonValue> {
  switch (field.valueType) {
    case "string":
      return z.string({ error: "Enter text" });
    case "email":
      return z.email({ error: "Enter an email address" });
    case "url":
      return z.url({ protocol: /^https?$/, error: "Enter an http(s) URL" });
    case "number":
      return z.preprocess(numberInput, z.number({ error: "Enter a number" }));
    case "integer":
      return z.preprocess(numberInput, z.number({ error: "Enter a number" }).int("Enter a whole number"));
    case "boolean":
      return z.preprocess(booleanInput, z.boolean({ error: "Choose yes or no" }));
    case "date":
      return z.string({ error: "Enter a date" }).regex(DATE_RE, { message: "Enter a date (YYYY-MM-DD)", abort: true }).refine((v) => !Number.isNaN(Date.parse(v)), "Enter a real date");
    case "datetime":
      return z.string({ error: "Enter a date and time" }).regex(DATETIME_RE, { message: "Enter a date and time", abort: true }).refine((v) => !Number.isNaN(Date.parse(v)), "Enter a real date and time");
    case "json":
      return jsonItem;
    case "geo":
      return geoItem;
  }
}

function itemSchema(field: FormField): z.ZodType<JsonValue> {
  const base = baseItem(field);
  if (!field.options.length) return base;
  const allowed = new Set(field.options.map((o) => o.value));
  return base.refine((value) => allowed.has(String(value)), "Choose one of the options");
}

/** Drops empty items, empty lists and empty languages, so "nothing entered" is absent. */
function normalize(field: FormField, value: unknown): unknown {
  const one = (v: unknown): unknown => {
    if (!field.multiple) return isEmptyItem(v) ? undefined : v;
    const items = (Array.isArray(v) ? v : [v]).filter((item) => !isEmptyItem(item));
    return items.length ? items : undefined;
  };
  if (!field.multilingual) return one(value);
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value !== "object" || Array.isArray(value)) return value;
  const map = Object.fromEntries(Object.entries(value).map(([lang, v]) => [lang, one(v)]).filter(([, v]) => v !== undefined));
  return Object.keys(map).length ? map : undefined;
}

type FieldCheck = (input: unknown) => { value: JsonValue | undefined; issues: { message: string; path: PropertyKey[] }[] };

function fieldCheck(field: FormField, languages: string[]): FieldCheck {
  const item = itemSchema(field);
  const value: z.ZodType<JsonValue> = field.multiple ? z.array(item, { error: "Enter a list of values" }) : item;
  const first = languages[0] ?? "en";
  const inner: z.ZodType<JsonValue> = field.multilingual
    ? z.record(z.string(), value, { error: "Enter a value per language" }).superRefine((map, ctx) => {
        if (field.required && map[first] === undefined) ctx.addIssue({ code: "custom", message: `Required in ${first}`, path: [first] });
      })
    : value;
  return (input) => {
    const normalized = normalize(field, input);
    if (normalized === undefined) return { value: undefined, issues: field.required ? [{ message: "Required", path: [] }] : [] };
    const parsed = inner.safeParse(normalized);
    if (parsed.success) return { value: parsed.data, issues: [] };
    return { value: undefined, issues: parsed.error.issues.map((issue) => ({ message: issue.message, path: issue.path })) };
  };
}

function isFormModel(source: FormModel | Blueprint): source is FormModel {
  return "sections" in source && "languages" in source && "warnings" in source;
}

/** Input: form values or stored document values (both objects keyed by field name). */
export type DocumentSchema = z.ZodType<DocumentValues, Record<string, unknown>>;

/**
 * One object check rather than z.object(shape): zod skips optional schemas for
 * absent keys and rejects undefined outputs of required ones, while here a
 * missing required field must say "Required" and an empty optional one must
 * simply be left out. Issues keep their paths (`field`, `field.2`, `field.fr`, `field.lat`).
 */
export function buildDocumentSchema(source: FormModel | Blueprint, options: FormModelOptions): DocumentSchema {
  const model = isFormModel(source) ? source : buildFormModel(source, options);
  const checks = new Map(model.fields.map((field) => [field.name, fieldCheck(field, model.languages)]));
  return z.record(z.string(), z.unknown(), { error: "Expected an object of field values" }).transform((input, ctx): DocumentValues => {
    const out: DocumentValues = {};
    for (const [name, check] of checks) {
      const result = check(input[name]);
      for (const issue of result.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [name, ...issue.path] });
      if (result.value !== undefined) out[name] = result.value;
    }
    for (const key of Object.keys(input)) {
      if (!checks.has(key) && input[key] !== undefined) ctx.addIssue({ code: "custom", message: "Not a field of this blueprint", path: [key] });
    }
    return out;
  });
}
