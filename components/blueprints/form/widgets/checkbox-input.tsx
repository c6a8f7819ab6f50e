"use client";

import type { WidgetProps } from "@/components/blueprints/form/widgets/types";

/** Checkbox, or a switch (role=switch) for the `switch` widget. */
export function CheckboxInput({ id, field, value, onChange, onBlur, invalid, describedBy, ariaLabel, disabled, readOnly }: WidgetProps) {
  const isSwitch = field.widget === "switch";
  return (
    <input
      id={id}
      type="checkbox"
      role={isSwitch ? "switch" : undefined}
      checked={value === true}
      onChange={(e) => onChange(e.target.checked)}
      onBlur={onBlur}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      disabled={disabled || readOnly}
      className={
        isSwitch
          ? "h-5 w-9 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors before:block before:size-4 before:translate-x-0.5 before:rounded-full before:bg-white before:transition-transform checked:bg-blue-700 checked:before:translate-x-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 dark:bg-slate-600"
          : "size-4 accent-blue-700"
      }
    />
  );
}
