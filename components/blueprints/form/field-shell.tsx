import type { ReactNode } from "react";
import { errorText, helpText } from "@/components/blueprints/form/styles";
import type { FormField } from "@/lib/blueprints/form-model";

/** Ids of the parts of one field, so inputs can point at their hint and error. */
export function fieldIds(formId: string, name: string) {
  const id = `${formId}-f-${name}`;
  return { id, label: `${id}-label`, hint: `${id}-hint`, error: `${id}-error` };
}

// Rows are grouped in blocks that the browser may skip while off screen: see form-section.tsx.
const rowClass = "flex min-w-0 flex-col";

/**
 * Label (or legend, for fields made of several inputs), required mark, hint,
 * semantic link and error of one field. Everything from the blueprint is
 * rendered as text; the semantic is a link only when it is an http(s) URI.
 */
export function FieldShell({
  field, ids, group, error, children,
}: {
  field: FormField;
  ids: ReturnType<typeof fieldIds>;
  group: boolean;
  error: string | undefined;
  children: ReactNode;
}) {
  const title = (
    <>
      {field.label}
      {field.required ? <span aria-hidden className="text-red-700 dark:text-red-400"> *</span> : null}
    </>
  );
  const labelClass = "text-sm font-medium text-slate-800 dark:text-slate-200";
  // Only a source-backed select names itself by aria-labelledby; other inputs have a <label for> or a legend.
  const labelId = field.source ? ids.label : undefined;
  const body = (
    <>
      {children}
      {field.hint ? (
        <p id={ids.hint} className={helpText}>
          {field.hint}
        </p>
      ) : null}
      {field.semantic ? (
        <p className={`${helpText} truncate`}>
          {field.semantic.href ? (
            <a href={field.semantic.href} target="_blank" rel="noopener noreferrer" className="underline decoration-dotted hover:text-blue-700 dark:hover:text-blue-300">
              {field.semantic.text}
            </a>
          ) : (
            <span>{field.semantic.text}</span>
          )}
        </p>
      ) : null}
      {error ? (
        <p id={ids.error} className={errorText}>
          {error}
        </p>
      ) : null}
    </>
  );
  if (group) {
    return (
      // No aria-describedby here: every input inside already points at the hint, and both would read it twice.
      <fieldset className={`${rowClass} gap-1`} data-field={field.name}>
        <legend id={labelId} className={`${labelClass} mb-1`}>
          {title}
          {field.required ? <span className="sr-only"> (required)</span> : null}
        </legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className={`${rowClass} gap-1`} data-field={field.name}>
      {/* The required mark stays outside the label, so it is no part of the input's name (aria-required says it). */}
      {field.required ? (
        <div className={labelClass}>
          <label id={labelId} htmlFor={ids.id}>
            {field.label}
          </label>
          <span aria-hidden className="text-red-700 dark:text-red-400"> *</span>
        </div>
      ) : (
        <label id={labelId} htmlFor={ids.id} className={labelClass}>
          {field.label}
        </label>
      )}
      {body}
    </div>
  );
}
