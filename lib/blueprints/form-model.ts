import type { Blueprint, BlueprintField, JsonValue } from "@/lib/blueprints/types";
import { CHOOSABLE, DEFAULT_WIDGET, resolveWidget, type ValueType, type WidgetKind } from "@/lib/blueprints/widgets";
import { coerceDefault } from "@/lib/blueprints/field-default";
import { parseSource, type FieldSource } from "@/lib/blueprints/source";

/**
 * The form model: a pure, isomorphic reading of a blueprint that both the
 * renderer (browser) and document validation (server) use. It never throws on
 * a quirky blueprint: whatever it has to reinterpret (unknown widget, options on
 * a text widget, a self-referencing source, a default of the wrong type) is
 * kept as a warning for the blueprint editor. See widgets.ts for how type and
 * widget resolve, coerce.ts for how defaults are coerced.
 *
 * Sections come from `layer`: 0 is the open, untitled main section, 1 "Details",
 * 2 "System", any other whole number n "Layer n" (sorted by n); a value that is
 * not a whole number >= 0 goes to layer 0 with a warning.
 */

export type FieldOption = { value: string; label: string };
export type SemanticLink = { text: string; href: string | null };

export type FormField = {
  name: string;
  /** Plain text; never HTML. Falls back to the field name. */
  label: string;
  hint: string;
  widget: WidgetKind;
  declaredWidget: string;
  valueType: ValueType;
  options: FieldOption[];
  source: FieldSource | null;
  multiple: boolean;
  multilingual: boolean;
  required: boolean;
  semantic: SemanticLink | null;
  /** In document shape (list for multiple, per-language map for multilingual); undefined = none. */
  defaultValue: JsonValue | undefined;
  layer: number;
  order: number | null;
};

export type FormSection = { layer: number; title: string; collapsible: boolean; fields: FormField[] };
export type FormWarning = { field: string | null; message: string };

export type FormModel = {
  blueprint: string;
  label: string;
  languages: string[];
  /** Sorted by numeric order; ties (and unreadable orders, last) keep declared order. */
  fields: FormField[];
  sections: FormSection[];
  warnings: FormWarning[];
};

export type FormModelOptions = { languages: string[] };

const SECTION_TITLES: Record<number, string> = { 0: "Main", 1: "Details", 2: "System" };

export function sectionTitle(layer: number): string {
  return SECTION_TITLES[layer] ?? `Layer ${layer}`;
}

function readNumber(value: string | number): number | null {
  const n = typeof value === "number" ? value : value.trim() === "" ? NaN : Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

/** Only absolute http(s) URIs become links; anything else (`hs:name`, `javascript:`) stays text. */
export function semanticLink(semantic: string | undefined): SemanticLink | null {
  const text = (semantic ?? "").trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    return { text, href: url.protocol === "http:" || url.protocol === "https:" ? url.href : null };
  } catch {
    return { text, href: null };
  }
}

function readOptions(field: BlueprintField): FieldOption[] {
  return Object.entries(field.options ?? {}).map(([value, label]) => ({ value, label }));
}

function buildField(raw: BlueprintField, blueprintName: string, languages: string[], warn: (message: string) => void): FormField {
  const resolved = resolveWidget(raw.type, raw.widget);
  resolved.warnings.forEach(warn);
  let { widget } = resolved;
  const { valueType } = resolved;
  let options = readOptions(raw);
  let source = parseSource(raw.source, warn);
  const chooser = widget === "select" || widget === "multi-select";

  if (source && source.blueprint === blueprintName && !chooser) {
    warn(`Source "${raw.source}" names this blueprint on a ${widget} field: ignored.`);
    source = null;
  }
  if (source && !chooser) {
    if (CHOOSABLE.has(valueType)) {
      warn(`Source on a ${widget} widget: rendered as a select.`);
      widget = "select";
    } else {
      warn(`Source ignored on a ${widget} widget.`);
      source = null;
    }
  }
  if (source && options.length) {
    warn("Both options and a source: the source is used, the options are ignored.");
    options = [];
  }
  if (!source && options.length && widget !== "select" && widget !== "multi-select") {
    if (CHOOSABLE.has(valueType)) {
      warn(`Options on a ${widget} widget: rendered as a select.`);
      widget = "select";
    } else {
      warn(`Options ignored on a ${widget} widget.`);
      options = [];
    }
  }
  if ((widget === "select" || widget === "multi-select") && !source && !options.length) {
    const fallback = DEFAULT_WIDGET[valueType];
    warn(`A ${widget} without options or source: rendered as ${fallback}.`);
    widget = fallback;
  }

  let multiple = raw.cardinality === "multiple";
  if (widget === "multi-select" && !multiple) {
    warn("A multi-select holds several values: cardinality treated as multiple.");
    multiple = true;
  }
  if (multiple && widget === "select" && options.length) widget = "multi-select";
  // A source-backed multi-select is a list of searchable selects.
  if (widget === "multi-select" && source) widget = "select";

  const layerNumber = readNumber(raw.layer);
  let layer = 0;
  if (layerNumber !== null && Number.isInteger(layerNumber) && layerNumber >= 0) layer = layerNumber;
  else warn(`Layer "${raw.layer}" is not a whole number: shown in the main section.`);
  const order = readNumber(raw.order);
  if (order === null) warn(`Order "${raw.order}" is not a number: placed after the numbered fields.`);

  const field: FormField = {
    name: raw.name,
    label: raw.label.trim() || raw.name,
    hint: raw.hint ?? "",
    widget,
    declaredWidget: raw.widget,
    valueType,
    options,
    source,
    multiple,
    multilingual: raw.multilingual === true,
    required: raw.required === true,
    semantic: semanticLink(raw.semantic),
    defaultValue: undefined,
    layer,
    order,
  };
  field.defaultValue = coerceDefault(raw.default, field, languages, warn);
  return field;
}

export function buildFormModel(blueprint: Blueprint, { languages }: FormModelOptions): FormModel {
  const langs = languages.length ? [...new Set(languages)] : ["en"];
  const warnings: FormWarning[] = [];
  const seen = new Set<string>();
  const built: FormField[] = [];
  for (const raw of blueprint.fields) {
    const warn = (message: string) => warnings.push({ field: raw.name, message });
    if (seen.has(raw.name)) {
      warn(`Duplicate field name "${raw.name}": only the first is used.`);
      continue;
    }
    seen.add(raw.name);
    built.push(buildField(raw, blueprint.name, langs, warn));
  }
  // Array.prototype.sort is stable, so equal orders keep declared order.
  const fields = [...built].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
  const layers = [...new Set(fields.map((f) => f.layer))].sort((a, b) => a - b);
  const sections = layers.map((layer) => ({
    layer,
    title: sectionTitle(layer),
    collapsible: layer !== 0,
    fields: fields.filter((f) => f.layer === layer),
  }));
  return { blueprint: blueprint.name, label: blueprint.label, languages: langs, fields, sections, warnings };
}
