"use client";

import { memo, startTransition, useEffect, useMemo, useState, type ReactNode } from "react";
// Per-component entry points: importing the package root would pull the whole library into this chunk.
import { Button } from "react-aria-components/Button";
import { Disclosure, DisclosurePanel } from "react-aria-components/Disclosure";
import { Heading } from "react-aria-components/Heading";
import { useFormState, type Control } from "react-hook-form";
import type { FormField, FormSection as Section } from "@/lib/blueprints/form-model";

/**
 * A layer of the form. Layer 0 is open and untitled; the others are
 * disclosures (a heading with a button, aria-expanded) that open themselves
 * when one of their fields holds an error, after a submit or a server answer.
 *
 * Mounting hundreds of fields at once is what makes long forms slow to
 * appear, so a closed section renders no fields (their values live in the
 * form state, not in the inputs), and a long open one renders its first
 * FIRST_ROWS fields at once and the rest in background chunks right after.
 * `renderAll` (set when a submit needs every field) skips the chunking.
 */
const FIRST_ROWS = 40;
const MORE_ROWS = 260;
export const FormSection = memo(function FormSection({
  section, control, expanded, onExpandedChange, renderField, renderAll,
}: {
  section: Section;
  control: Control<Record<string, unknown>>;
  expanded: boolean;
  onExpandedChange: (layer: number, expanded: boolean) => void;
  renderField: (field: FormField) => ReactNode;
  renderAll: boolean;
}) {
  const total = section.fields.length;
  const [rows, setRows] = useState(() => Math.min(total, FIRST_ROWS));
  useEffect(() => {
    if (renderAll || rows >= total) return;
    const timer = setTimeout(() => startTransition(() => setRows((n) => Math.min(total, n + MORE_ROWS))), 0);
    return () => clearTimeout(timer);
  }, [rows, total, renderAll]);
  const children = (renderAll ? section.fields : section.fields.slice(0, rows)).map(renderField);

  const names = useMemo(() => section.fields.map((f) => f.name), [section.fields]);
  const { errors, submitCount } = useFormState({ control, name: names });
  const errorCount = names.filter((name) => errors[name] !== undefined).length;
  const hasError = errorCount > 0;

  // Opens on a new submit or when errors appear; closing it by hand afterwards is the user's choice.
  useEffect(() => {
    if (hasError && section.collapsible) onExpandedChange(section.layer, true);
  }, [hasError, submitCount, section.collapsible, section.layer, onExpandedChange]);

  if (!section.collapsible) return <div className="flex flex-col gap-5">{children}</div>;
  return (
    <Disclosure
      isExpanded={expanded}
      onExpandedChange={(open) => onExpandedChange(section.layer, open)}
      className="rounded-lg border border-slate-200 dark:border-slate-700"
    >
      <Heading level={3} className="m-0">
        <Button
          slot="trigger"
          className="flex w-full items-center gap-2 rounded-lg px-4 py-3 text-left text-sm font-semibold text-slate-900 outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-blue-500 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          <span aria-hidden className={`transition-transform ${expanded ? "rotate-90" : ""}`}>
            ▸
          </span>
          <span className="flex-1">{section.title}</span>
          <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
            {section.fields.length} {section.fields.length === 1 ? "field" : "fields"}
          </span>
          {errorCount > 0 ? (
            <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-900 dark:text-red-100">
              {errorCount} {errorCount === 1 ? "error" : "errors"}
            </span>
          ) : null}
        </Button>
      </Heading>
      <DisclosurePanel>
        {expanded ? <div className="flex flex-col gap-5 border-t border-slate-200 px-4 py-4 dark:border-slate-700">{children}</div> : null}
      </DisclosurePanel>
    </Disclosure>
  );
});
