"use client";

import { useMemo } from "react";
import type { JsonObject } from "@/lib/blueprints/json-text";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { parseBlueprint } from "@/lib/blueprints/types";

/**
 * The editor's live view of the blueprint as the form model reads it: its
 * sections in order, each field's resolved widget, and the model's warnings
 * (unknown widgets, coerced defaults, ignored sources). The interactive
 * rendered form (BlueprintForm) is shown here once it is available.
 */
export function LivePreview({ document, languages = ["en"] }: { document: JsonObject; languages?: string[] }) {
  const model = useMemo(() => {
    const parsed = parseBlueprint(document);
    return parsed.success ? buildFormModel(parsed.data, { languages }) : null;
  }, [document, languages]);
  if (!model) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-300">The form appears once every field has a name, label, type, widget, layer and order.</p>;
  }
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      {model.warnings.length ? (
        <ul aria-label="Form warnings" className="list-disc pl-5 text-xs text-amber-900 dark:text-amber-100">
          {model.warnings.map((w, i) => <li key={i}>{w.field ? <span className="font-mono">{w.field}: </span> : null}{w.message}</li>)}
        </ul>
      ) : null}
      {model.sections.map((section) => (
        <section key={section.layer} aria-label={`${section.title} section`}>
          <h3 className="text-sm font-semibold">{section.title}{section.collapsible ? <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">(collapsible)</span> : null}</h3>
          <ol className="mt-1 flex flex-col gap-1 text-sm">
            {section.fields.map((f) => (
              <li key={f.name} className="flex flex-wrap gap-x-2">
                <span>{f.label}{f.required ? <span aria-hidden className="text-red-700 dark:text-red-300"> *</span> : null}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">{f.widget}{f.multiple ? ", several" : ""}{f.multilingual ? ", per language" : ""}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
