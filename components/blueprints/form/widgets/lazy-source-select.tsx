"use client";

import { lazy, Suspense } from "react";
import { inputClass } from "@/components/blueprints/form/styles";
import { asText, type WidgetProps } from "@/components/blueprints/form/widgets/types";

/**
 * The searchable combobox is most of the form's JavaScript (React Aria's
 * ComboBox, ListBox and Popover), and most blueprints have no source field, so
 * it is loaded only when a form has one. Meanwhile the stored value shows.
 */
const SourceSelect = lazy(() => import("@/components/blueprints/form/widgets/source-select").then((m) => ({ default: m.SourceSelect })));

export function LazySourceSelect(props: WidgetProps) {
  const fallback = (
    <input
      id={props.id}
      readOnly
      aria-busy
      aria-label={props.ariaLabel}
      aria-labelledby={props.ariaLabel ? undefined : props.labelId}
      aria-describedby={props.describedBy}
      value={asText(props.value)}
      placeholder="Loading…"
      className={inputClass(props.invalid)}
    />
  );
  return (
    <Suspense fallback={fallback}>
      <SourceSelect {...props} />
    </Suspense>
  );
}
