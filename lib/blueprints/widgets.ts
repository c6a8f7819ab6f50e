/**
 * The widget registry of the form model: which widgets exist, which value
 * type each edits, and how a field's declared `type` and `widget` resolve to
 * one pair. Rule: the seed uses `type: "string"` for everything, so on a string
 * field the widget carries the meaning (a `date` widget validates a date); a
 * declared non-string type wins over a widget that cannot edit it (the widget
 * falls back to the type's default widget, with a warning for the editor).
 */

export const WIDGET_KINDS = [
  "text", "textarea", "number", "select", "multi-select", "checkbox", "switch",
  "date", "datetime", "email", "url", "json", "geo",
] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

export const VALUE_TYPES = ["string", "email", "url", "number", "integer", "boolean", "date", "datetime", "json", "geo"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

const WIDGET_ALIASES: Record<string, WidgetKind> = {
  multiselect: "multi-select",
  multi_select: "multi-select",
  "datetime-local": "datetime",
  "date-time": "datetime",
  toggle: "switch",
  boolean: "checkbox",
  "text-area": "textarea",
  geopoint: "geo",
  "lat-lon": "geo",
};

const TYPE_ALIASES: Record<string, ValueType> = {
  string: "string", text: "string", str: "string",
  number: "number", float: "number", decimal: "number", double: "number",
  integer: "integer", int: "integer",
  boolean: "boolean", bool: "boolean",
  date: "date",
  datetime: "datetime", timestamp: "datetime",
  json: "json", object: "json",
  geo: "geo", geopoint: "geo",
  email: "email",
  url: "url", uri: "url",
};

/** The value type a widget edits when the field's type is plain `string`. */
const WIDGET_VALUE: Record<WidgetKind, ValueType> = {
  text: "string", textarea: "string", select: "string", "multi-select": "string",
  number: "number", checkbox: "boolean", switch: "boolean",
  date: "date", datetime: "datetime", email: "email", url: "url", json: "json", geo: "geo",
};

export const DEFAULT_WIDGET: Record<ValueType, WidgetKind> = {
  string: "text", email: "email", url: "url", number: "number", integer: "number",
  boolean: "checkbox", date: "date", datetime: "datetime", json: "json", geo: "geo",
};

/** Value types whose values can come from a list of choices. */
export const CHOOSABLE: ReadonlySet<ValueType> = new Set(["string", "email", "url", "number", "integer"]);

export function isWidgetKind(value: string): value is WidgetKind {
  return (WIDGET_KINDS as readonly string[]).includes(value);
}

export function normalizeWidget(declared: string): WidgetKind | null {
  const key = declared.trim().toLowerCase();
  if (isWidgetKind(key)) return key;
  return WIDGET_ALIASES[key] ?? null;
}

export function normalizeType(declared: string): ValueType | null {
  return TYPE_ALIASES[declared.trim().toLowerCase()] ?? null;
}

function canEdit(widget: WidgetKind, valueType: ValueType): boolean {
  if (widget === "select" || widget === "multi-select") return CHOOSABLE.has(valueType);
  if (widget === "textarea") return valueType === "string";
  const edits = WIDGET_VALUE[widget];
  return edits === valueType || (edits === "number" && valueType === "integer");
}

export type ResolvedWidget = { widget: WidgetKind; valueType: ValueType; warnings: string[] };

/** Resolves a field's declared type and widget to what the form renders and validates. */
export function resolveWidget(type: string, widget: string): ResolvedWidget {
  const warnings: string[] = [];
  let valueType = normalizeType(type);
  if (!valueType) {
    warnings.push(`Unknown type "${type}": treated as string.`);
    valueType = "string";
  }
  let kind = normalizeWidget(widget);
  if (!kind) {
    if (widget.trim() !== "") warnings.push(`Unknown widget "${widget}": rendered as text.`);
    kind = valueType === "string" ? "text" : DEFAULT_WIDGET[valueType];
  }
  if (valueType === "string") return { widget: kind, valueType: WIDGET_VALUE[kind], warnings };
  // "text" is the generic widget: on a typed field it quietly becomes the type's own widget.
  if (kind === "text") return { widget: DEFAULT_WIDGET[valueType], valueType, warnings };
  if (!canEdit(kind, valueType)) {
    const fallback = DEFAULT_WIDGET[valueType];
    warnings.push(`A ${kind} widget cannot edit a ${valueType} value: rendered as ${fallback}.`);
    kind = fallback;
  }
  return { widget: kind, valueType, warnings };
}
