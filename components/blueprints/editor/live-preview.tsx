"use client";

import { useMemo, useState } from "react";
import type { JsonObject } from "@/lib/blueprints/json-text";
import type { DocumentValues } from "@/lib/blueprints/document-schema";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { readBlueprint } from "@/lib/blueprints/blueprint-shape";
import { BlueprintForm } from "@/components/blueprints/form/blueprint-form";

/**
 * A blueprint rendered by the one form renderer, with the form model's
 * warnings (unknown widgets, coerced defaults, ignored sources) above it.
 * "Try it" validates with the same schema document writes use, and shows the
 * parsed values; nothing is saved.
 */
export function LivePreview({ document, languages = DEFAULT_LANGUAGES }: { document: JsonObject; languages?: string[] }) {
  const model = useMemo(() => {
    // A blueprint still being named renders all the same.
    const blueprint = readBlueprint({ ...document, irn: document.irn || "irn:blueprint:new:new", name: document.name || "new", label: document.label ?? "" });
    return blueprint ? buildFormModel(blueprint, { languages }) : null;
  }, [document, languages]);
  // The form keeps its values while the blueprint is edited only if its fields stay the same; a new shape starts afresh.
  const shape = useMemo(() => JSON.stringify(document.fields ?? null), [document.fields]);
  const [parsedValues, setParsedValues] = useState<DocumentValues | null>(null);
  if (!model) {
    return <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-300">The form appears once every field has a name, type, widget, layer and order.</p>;
  }
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      {model.warnings.length ? (
        <ul aria-label="How the form reads this blueprint" className="list-disc pl-5 text-xs text-amber-900 dark:text-amber-100">
          {model.warnings.map((w, i) => <li key={i}>{w.field ? <span className="font-mono">{w.field}: </span> : null}{w.message}</li>)}
        </ul>
      ) : null}
      <BlueprintForm key={shape} model={model} submitLabel="Try it" onSubmit={(values) => setParsedValues(values)} />
      {parsedValues ? (
        <pre aria-label="Values the form produced" tabIndex={0} className="overflow-auto rounded-md bg-slate-100 p-3 text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100">
          {JSON.stringify(parsedValues, null, 2)}
        </pre>
      ) : null}
    </div>
  );
}

const DEFAULT_LANGUAGES = ["en"];
