import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import type { FormField, FormModel } from "@/lib/blueprints/form-model";

/**
 * The JSON Schema (and uiSchema) equivalent of a form model, for the rjsf
 * baseline of the forms bench: same fields, same widgets as near as rjsf has
 * them, same required fields, lists as arrays and languages as objects.
 */

function itemSchema(field: FormField): { schema: RJSFSchema; ui: UiSchema } {
  const title = field.label;
  const enumOf = field.options.length ? { oneOf: field.options.map((o) => ({ const: o.value, title: o.label })) } : {};
  switch (field.valueType) {
    case "number":
      return { schema: { type: "number", title, ...enumOf }, ui: {} };
    case "integer":
      return { schema: { type: "integer", title, ...enumOf }, ui: {} };
    case "boolean":
      return { schema: { type: "boolean", title }, ui: field.widget === "switch" ? { "ui:widget": "checkbox" } : {} };
    case "date":
      return { schema: { type: "string", format: "date", title }, ui: {} };
    case "datetime":
      return { schema: { type: "string", format: "date-time", title }, ui: {} };
    case "email":
      return { schema: { type: "string", format: "email", title }, ui: {} };
    case "url":
      return { schema: { type: "string", format: "uri", title }, ui: {} };
    case "json":
      return { schema: { type: "string", title }, ui: { "ui:widget": "textarea" } };
    case "geo":
      return {
        schema: {
          type: "object",
          title,
          properties: { lat: { type: "number", title: "Latitude", minimum: -90, maximum: 90 }, lon: { type: "number", title: "Longitude", minimum: -180, maximum: 180 } },
        },
        ui: {},
      };
    default:
      return { schema: { type: "string", title, ...enumOf }, ui: field.widget === "textarea" ? { "ui:widget": "textarea" } : {} };
  }
}

function fieldSchema(field: FormField, languages: string[]): { schema: RJSFSchema; ui: UiSchema } {
  const item = itemSchema(field);
  const shaped = field.multiple
    ? field.widget === "multi-select"
      ? { schema: { type: "array", title: field.label, items: item.schema, uniqueItems: true } as RJSFSchema, ui: { "ui:widget": "checkboxes" } }
      : { schema: { type: "array", title: field.label, items: item.schema } as RJSFSchema, ui: { items: item.ui } }
    : item;
  // The blueprint's default too (the bench's lists start with two values), so both forms start with the same inputs.
  const defaults = field.defaultValue !== undefined && field.valueType !== "json" ? { default: field.defaultValue } : {};
  const described = { ...shaped.schema, description: field.hint || undefined, ...defaults };
  if (!field.multilingual) return { schema: described, ui: shaped.ui };
  return {
    schema: { type: "object", title: field.label, description: field.hint || undefined, ...defaults, properties: Object.fromEntries(languages.map((lang) => [lang, { ...shaped.schema, title: lang }])) },
    ui: Object.fromEntries(languages.map((lang) => [lang, shaped.ui])),
  };
}

export function toJsonSchema(model: FormModel): { schema: RJSFSchema; uiSchema: UiSchema } {
  const properties: Record<string, RJSFSchema> = {};
  const uiSchema: UiSchema = {};
  for (const field of model.fields) {
    const { schema, ui } = fieldSchema(field, model.languages);
    properties[field.name] = schema;
    uiSchema[field.name] = ui;
  }
  return {
    schema: { type: "object", title: model.label, properties, required: model.fields.filter((f) => f.required).map((f) => f.name) },
    uiSchema,
  };
}
