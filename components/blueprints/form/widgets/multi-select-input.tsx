"use client";

import type { FormField } from "@/lib/blueprints/form-model";

/**
 * Several of the blueprint's options, as a group of checkboxes (inside the
 * field's fieldset, whose legend is the field label). A stored value that is
 * no longer an option is listed too, so it can be seen and unticked.
 */
export function MultiSelectInput({
  id, field, value, onChange, onBlur, invalid, describedBy, disabled, readOnly,
}: {
  id: string;
  field: FormField;
  value: string[];
  onChange: (value: string[]) => void;
  onBlur: () => void;
  invalid: boolean;
  describedBy: string | undefined;
  disabled: boolean;
  readOnly: boolean;
}) {
  const known = new Set(field.options.map((o) => o.value));
  const choices = [...field.options, ...value.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }))];
  const toggle = (choice: string, checked: boolean) =>
    onChange(
      checked
        ? [...field.options.map((o) => o.value).filter((v) => v === choice || value.includes(v)), ...value.filter((v) => !known.has(v))]
        : value.filter((v) => v !== choice),
    );
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1">
      {choices.map((choice, i) => (
        <label key={choice.value} className="inline-flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
          <input
            id={i === 0 ? id : `${id}-${i}`}
            type="checkbox"
            checked={value.includes(choice.value)}
            onChange={(e) => toggle(choice.value, e.target.checked)}
            onBlur={onBlur}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            disabled={disabled || readOnly}
            className="size-4 accent-blue-700"
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
