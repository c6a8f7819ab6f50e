"use client";

import { memo, useEffect, useMemo, useState, type ReactNode } from "react";
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
 * Mounting long forms fast (npm run bench:forms):
 * - a closed section renders no fields (their values live in the form state,
 *   not in the inputs);
 * - rows come in blocks of BLOCK_ROWS with content-visibility: auto, so the
 *   browser skips style, layout and paint of blocks off screen until they
 *   scroll near (they stay in the DOM, the accessibility tree and the tab
 *   order). Per block rather than per row: each skippable element is tracked
 *   and reported on by the browser, and per row that cost more than it saved;
 * - a very long section renders FIRST_ROWS at once and the rest in chunks of
 *   MORE_ROWS, each once the previous one is painted. Ordinary updates, not
 *   transitions: a transition yields every few milliseconds and, on a busy
 *   machine, took several times longer to finish. Up to FIRST_ROWS fields
 *   (the bench's 300 included) render in one go, which measured faster than
 *   painting a first screen and the rest after. `renderAll` (set when a
 *   submit needs every field) skips the chunking.
 */
const FIRST_ROWS = 400;
const MORE_ROWS = 400;
const BLOCK_ROWS = 10;
export const FormSection = memo(function FormSection({
  section, control, expanded, onExpandedChange, renderField, renderAll,
}: {
  section: Section;
  control: Control<Record<string, unknown>>;
  expanded: boolean;
  onExpandedChange: (layer: number, expanded: boolean) => void;
  /** A row, given its error subtree (rows have no subscription of their own). */
  renderField: (field: FormField, error: unknown) => ReactNode;
  renderAll: boolean;
}) {
  const total = section.fields.length;
  const [rows, setRows] = useState(() => Math.min(total, FIRST_ROWS));
  useEffect(() => {
    if (renderAll || rows >= total) return;
    // rAF runs just before the next paint; a task queued from it runs just after.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setRows((n) => Math.min(total, n + MORE_ROWS)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows, total, renderAll]);
  const names = useMemo(() => section.fields.map((f) => f.name), [section.fields]);
  // The section's one subscription: errors of its fields (and submits), handed to the rows.
  const { errors, submitCount } = useFormState({ control, name: names });
  const rendered = (renderAll ? section.fields : section.fields.slice(0, rows)).map((field) => renderField(field, errors[field.name]));
  const children = Array.from({ length: Math.ceil(rendered.length / BLOCK_ROWS) }, (_, i) => (
    // The intrinsic size is a first guess for a block never shown; `auto` keeps its real size once it has been.
    <div key={i} className="flex flex-col gap-5 [content-visibility:auto] [contain-intrinsic-size:auto_45rem]">
      {rendered.slice(i * BLOCK_ROWS, (i + 1) * BLOCK_ROWS)}
    </div>
  ));

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
