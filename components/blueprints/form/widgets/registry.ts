import type { ComponentType } from "react";
import { CheckboxInput } from "@/components/blueprints/form/widgets/checkbox-input";
import { GeoInput } from "@/components/blueprints/form/widgets/geo-input";
import { JsonInput } from "@/components/blueprints/form/widgets/json-input";
import { SelectInput } from "@/components/blueprints/form/widgets/select-input";
import { LazySourceSelect } from "@/components/blueprints/form/widgets/lazy-source-select";
import { TextInput } from "@/components/blueprints/form/widgets/text-input";
import { TextareaInput } from "@/components/blueprints/form/widgets/textarea-input";
import type { WidgetProps } from "@/components/blueprints/form/widgets/types";
import type { FormField } from "@/lib/blueprints/form-model";
import type { WidgetKind } from "@/lib/blueprints/widgets";

/**
 * The item widget of each kind. `multi-select` edits a whole list and is
 * rendered by MultiSelectInput directly; here it maps to the single select
 * used when such a field is shown one value at a time.
 */
const WIDGETS: Record<WidgetKind, ComponentType<WidgetProps>> = {
  text: TextInput,
  email: TextInput,
  url: TextInput,
  number: TextInput,
  date: TextInput,
  datetime: TextInput,
  textarea: TextareaInput,
  select: SelectInput,
  "multi-select": SelectInput,
  checkbox: CheckboxInput,
  switch: CheckboxInput,
  json: JsonInput,
  geo: GeoInput,
};

export function itemWidget(field: FormField): ComponentType<WidgetProps> {
  if (field.source) return LazySourceSelect;
  return WIDGETS[field.widget];
}

/** Widgets made of several inputs are labelled by a fieldset legend rather than a <label>. */
export function isGroupWidget(field: FormField): boolean {
  return field.multiple || field.multilingual || field.widget === "geo";
}
