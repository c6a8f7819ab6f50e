"use client";

import { useMemo } from "react";
import { errorText, inputClass } from "@/components/blueprints/form/styles";
import { asText, type WidgetProps } from "@/components/blueprints/form/widgets/types";
import { jsonTextError } from "@/lib/blueprints/json-text";

/**
 * JSON edited as text, with the parse error shown inline while typing (the
 * schema reports it again on submit, so the inline one steps aside then).
 */
export function JsonInput({ id, value, onChange, onBlur, invalid, describedBy, ariaLabel, required, disabled, readOnly }: WidgetProps) {
  const text = asText(value);
  const parseError = useMemo(() => (text.trim() === "" ? null : jsonTextError(text)), [text]);
  const live = parseError && !invalid ? parseError : null;
  return (
    <div className="flex flex-col gap-1">
      <textarea
        id={id}
        rows={4}
        spellCheck={false}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-label={ariaLabel}
        aria-invalid={invalid || live ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={[describedBy, `${id}-json`].filter(Boolean).join(" ")}
        disabled={disabled}
        readOnly={readOnly}
        className={`${inputClass(invalid || Boolean(live))} font-mono`}
      />
      <p id={`${id}-json`} aria-live="polite" className={errorText}>
        {live}
      </p>
    </div>
  );
}
