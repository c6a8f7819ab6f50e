import type { FormField, FormModel } from "@/lib/blueprints/form-model";
import { readBlueprint } from "@/lib/blueprints/blueprint-shape";
import { buildFormModel } from "@/lib/blueprints/form-model";
import type { DocumentView } from "@/lib/documents/schema";

/** Short text of a stored value for tables and comparisons (a multilingual value in its first filled language); always text, never markup. */
export function displayValue(field: Pick<FormField, "valueType" | "multilingual" | "options">, value: unknown, languages: string[]): string {
  if (value === undefined || value === null || value === "") return "";
  if (field.multilingual && typeof value === "object" && !Array.isArray(value)) {
    const map = value as Record<string, unknown>;
    const first = languages.find((l) => map[l] !== undefined && map[l] !== "") ?? Object.keys(map)[0];
    return first === undefined ? "" : displayValue({ ...field, multilingual: false }, map[first], languages);
  }
  if (Array.isArray(value)) return value.map((v) => displayValue(field, v, languages)).filter(Boolean).join(", ");
  if (field.valueType === "geo" && typeof value === "object") {
    const p = value as { lat?: unknown; lon?: unknown };
    return `${String(p.lat)}, ${String(p.lon)}`;
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  return field.options.find((o) => o.value === text)?.label ?? text;
}

/** The model of a blueprint document from the API, or null when it cannot be read. */
export function modelFromDocument(document: Record<string, unknown>, languages: string[]): FormModel | null {
  // A plain shape check, not the zod schema: these pages would otherwise load zod for nothing (the server validated the blueprint).
  const blueprint = readBlueprint(document);
  return blueprint ? buildFormModel(blueprint, { languages }) : null;
}

/** A document as the API returns it (the current version in a 409's details), checked without zod for the same reason. */
export function asDocumentView(value: unknown): DocumentView | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const strings = ["id", "portfolio", "blueprint", "blueprintIrn", "blueprintVersion", "path", "createdAt", "createdBy", "updatedAt", "updatedBy"];
  if (!strings.every((key) => typeof v[key] === "string")) return null;
  if (typeof v.revision !== "number" || !Number.isInteger(v.revision)) return null;
  if (typeof v.values !== "object" || v.values === null || Array.isArray(v.values)) return null;
  return value as DocumentView;
}

/** The columns a list shows: the first few fields of the main section. */
export function summaryFields(model: FormModel, count = 3): FormField[] {
  const main = model.fields.filter((f) => f.layer === 0 && f.valueType !== "json");
  return (main.length ? main : model.fields).slice(0, count);
}

export function hasGeo(model: FormModel): boolean {
  return model.fields.some((f) => f.valueType === "geo");
}
