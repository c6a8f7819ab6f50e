"use client";

import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { demoSourceSearch } from "@/components/blueprints/form/demo-source";
import { ViewTabs } from "@/components/blueprints/view-tabs";
import type { DocumentValues } from "@/lib/blueprints/document-schema";
import { buildFormModel } from "@/lib/blueprints/form-model";
import type { Blueprint } from "@/lib/blueprints/types";

const LANGUAGES = ["en", "fr", "de"];

// As on the documents pages: the renderer (react-hook-form, widgets, React Aria's disclosure) loads after the page.
const BlueprintForm = dynamic(() => import("@/components/blueprints/form/blueprint-form").then((m) => m.BlueprintForm), {
  ssr: false,
  loading: () => <p role="status">Loading the form…</p>,
});

function PreviewPanel({ blueprint }: { blueprint: Blueprint }) {
  const model = useMemo(() => buildFormModel(blueprint, { languages: LANGUAGES }), [blueprint]);
  const [submitted, setSubmitted] = useState<DocumentValues | null>(null);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <BlueprintForm model={model} onSubmit={(values) => setSubmitted(values)} sourceSearch={demoSourceSearch} submitLabel="Validate" />
      <div className="flex min-w-0 flex-col gap-4">
        {model.warnings.length ? (
          <section aria-label="Blueprint warnings" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            <h2 className="font-semibold">How this blueprint is read</h2>
            <ul className="mt-1 list-disc pl-5">
              {model.warnings.map((w, i) => (
                <li key={i}>
                  {w.field ? <code>{w.field}</code> : null} {w.message}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-label="Submitted values">
          <h2 className="text-sm font-semibold text-slate-800 dark:text-slate-200">Parsed values</h2>
          <pre data-testid="submitted-values" className="mt-1 overflow-auto rounded-md bg-slate-100 p-3 text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100">
            {submitted ? JSON.stringify(submitted, null, 2) : "Submit the form to see its parsed values."}
          </pre>
        </section>
      </div>
    </div>
  );
}

/** Dev and test page: the seed blueprints and generated ones, rendered by the form renderer. */
export function FormPreview({ blueprints }: { blueprints: Blueprint[] }) {
  return (
    <ViewTabs
      className="flex flex-col gap-4"
      label="Blueprint"
      tabListClassName="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700"
      tabClassName="cursor-pointer rounded-t px-3 py-2 text-sm text-slate-700 outline-none focus-visible:ring-2 focus-visible:ring-blue-500 aria-selected:bg-slate-900 aria-selected:text-white dark:text-slate-300 dark:aria-selected:bg-slate-100 dark:aria-selected:text-slate-900"
      tabs={blueprints.map((b) => ({ id: b.name, label: b.label, panel: <PreviewPanel blueprint={b} /> }))}
    />
  );
}
