"use client";

import { inputClass } from "@/components/blueprints/form/styles";
import { asGeo, type WidgetProps } from "@/components/blueprints/form/widgets/types";

/** Latitude and longitude as two labelled decimal inputs. */
export function GeoInput({ id, value, onChange, onBlur, invalid, describedBy, ariaLabel, required, disabled, readOnly }: WidgetProps) {
  const point = asGeo(value);
  const prefix = ariaLabel ? `${ariaLabel}: ` : "";
  const input = (part: "lat" | "lon", label: string) => (
    <label className="flex min-w-0 flex-1 flex-col gap-0.5 text-xs text-slate-700 dark:text-slate-300">
      <span aria-hidden>{label}</span>
      <input
        id={part === "lat" ? id : `${id}-lon`}
        inputMode="decimal"
        value={point[part]}
        onChange={(e) => onChange({ ...point, [part]: e.target.value })}
        onBlur={onBlur}
        aria-label={`${prefix}${label}`}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        disabled={disabled}
        readOnly={readOnly}
        className={inputClass(invalid)}
      />
    </label>
  );
  return (
    <div className="flex flex-wrap gap-2">
      {input("lat", "Latitude")}
      {input("lon", "Longitude")}
    </div>
  );
}
