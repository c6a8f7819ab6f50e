"use client";

import { inputClass } from "@/components/blueprints/form/styles";
import { asText, type WidgetProps } from "@/components/blueprints/form/widgets/types";

export function TextareaInput({ id, value, onChange, onBlur, invalid, describedBy, ariaLabel, required, disabled, readOnly }: WidgetProps) {
  return (
    <textarea
      id={id}
      rows={3}
      value={asText(value)}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
      readOnly={readOnly}
      className={inputClass(invalid)}
    />
  );
}
