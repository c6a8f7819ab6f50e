import { buildDocumentSchema } from "@/lib/blueprints/document-schema";
import { buildFormModel, type FormField, type FormModel } from "@/lib/blueprints/form-model";
import { parseBlueprint } from "@/lib/blueprints/types";
import { isGeoPoint, type GeoPoint } from "@/lib/documents/keys";
import { isSystemAttribute } from "@/lib/documents/item";
import { AppError, ValidationError, type FieldErrors } from "@/lib/http/errors";

/**
 * Server re-validation of a document write, with the same zod schema the form
 * uses (lib/blueprints/document-schema), built from the blueprint version the
 * document names. Pure: no AWS here (source values are checked in sources.ts).
 */
export function modelOf(blueprint: Record<string, unknown>, languages: string[]): FormModel {
  const parsed = parseBlueprint(blueprint);
  if (!parsed.success) {
    // A stored blueprint the console cannot read is the environment's problem, not the caller's input.
    throw new AppError(500, "internal", "The blueprint of this document is not readable; open it in the blueprint editor.");
  }
  return buildFormModel(parsed.data, { languages });
}

export function validateValues(model: FormModel, values: Record<string, unknown>): Record<string, unknown> {
  const fieldErrors: FieldErrors = {};
  // Undeclared fields are the schema's error; a reserved name is refused even if a blueprint declares it.
  for (const name of Object.keys(values)) {
    if (isSystemAttribute(name)) (fieldErrors[name] ??= []).push("This name is reserved for the console's own attributes.");
  }
  const result = buildDocumentSchema(model, { languages: model.languages }).safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.length ? issue.path.map(String).join(".") : "values";
      (fieldErrors[key] ??= []).push(issue.message);
    }
  }
  const names = Object.keys(fieldErrors);
  if (names.length) {
    throw new ValidationError(`The document does not match ${model.blueprint}: ${names.join(", ")}.`, fieldErrors);
  }
  return result.success ? (result.data as Record<string, unknown>) : values;
}

/** The document's location: the first geo field's (first) value, if any. */
export function locationOf(model: FormModel, values: Record<string, unknown>): GeoPoint | undefined {
  const field = model.fields.find((f) => f.valueType === "geo");
  if (!field) return undefined;
  const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
  let value = first(values[field.name]);
  if (field.multilingual && value && typeof value === "object") value = first(Object.values(value)[0]);
  return isGeoPoint(value) ? value : undefined;
}

export function hasGeoField(model: FormModel): boolean {
  return model.fields.some((f) => f.valueType === "geo");
}

/** Every value a source-backed field holds (lists and per-language maps flattened). */
export function sourceValues(field: FormField, value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string" && v !== "") out.push(v);
    else if (typeof v === "number") out.push(String(v));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (field.multilingual && v && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(value);
  return [...new Set(out)];
}
