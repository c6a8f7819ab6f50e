"use client";

import { inputClass } from "@/components/blueprints/form/styles";
import { asText, type WidgetProps } from "@/components/blueprints/form/widgets/types";

/** A select over the blueprint's options; a stored value that is no longer an option still shows (and fails validation). */
export function SelectInput({ id, field, value, onChange, onBlur, invalid, describedBy, ariaLabel, required, disabled, readOnly }: WidgetProps) {
  const current = asText(value);
  const unknown = current !== "" && !field.options.some((o) => o.value === current);
  return (
    <select
      id={id}
      value={current}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      aria-describedby={describedBy}
      disabled={disabled || readOnly}
      className={inputClass(invalid)}
    >
      <option value="">—</option>
      {unknown ? <option value={current}>{current}</option> : null}
      {field.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
