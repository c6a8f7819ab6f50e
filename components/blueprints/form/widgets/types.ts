import type { FormField } from "@/lib/blueprints/form-model";
import type { GeoFormValue, ItemFormValue } from "@/lib/blueprints/form-values";
import type { SourceSearch } from "@/lib/blueprints/source";

/**
 * What every item widget receives: one value (a list or per-language map is
 * the caller's business), its id, and the ARIA wiring. Labels come from the
 * blueprint and are passed as text only.
 */
export type WidgetProps = {
  id: string;
  field: FormField;
  value: ItemFormValue;
  onChange: (value: ItemFormValue) => void;
  onBlur: () => void;
  invalid: boolean;
  describedBy: string | undefined;
  /** For inputs not labelled by the field's <label> (list items, languages). */
  ariaLabel?: string;
  /** Id of the field's visible label, for widgets that name themselves by aria-labelledby. */
  labelId: string;
  required: boolean;
  disabled: boolean;
  readOnly: boolean;
  sourceSearch?: SourceSearch;
};

export function asText(value: ItemFormValue): string {
  return typeof value === "string" ? value : "";
}

export function asGeo(value: ItemFormValue): GeoFormValue {
  return typeof value === "object" ? value : { lat: "", lon: "" };
}
