"use client";

import { inputClass } from "@/components/blueprints/form/styles";
import { asText, type WidgetProps } from "@/components/blueprints/form/widgets/types";

const INPUT_TYPES = { text: "text", email: "email", url: "url", number: "text", date: "date", datetime: "datetime-local" } as const;

/** Text, email, URL, number, date and date-time: one <input>, validated by the shared schema rather than the browser. */
export function TextInput({ id, field, value, onChange, onBlur, invalid, describedBy, ariaLabel, required, disabled, readOnly }: WidgetProps) {
  const kind = field.widget in INPUT_TYPES ? (field.widget as keyof typeof INPUT_TYPES) : "text";
  return (
    <input
      id={id}
      // "text" is the default: not setting it spares an attribute on most inputs of a long form.
      type={kind === "text" || kind === "number" ? undefined : INPUT_TYPES[kind]}
      // Numbers stay text inputs: type=number hides what was typed when it is not a number, so the error could not say why.
      inputMode={kind === "number" ? "decimal" : kind === "email" ? "email" : kind === "url" ? "url" : undefined}
      step={kind === "datetime" ? 1 : undefined}
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
