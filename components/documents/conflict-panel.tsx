"use client";

import { Button } from "@/components/ui/button";
import { displayValue } from "@/components/documents/display";
import type { FormModel } from "@/lib/blueprints/form-model";
import type { DocumentView } from "@/lib/documents/schema";

/**
 * A stale save (409): the stored version beside the one the user tried to
 * save, field by field, differences marked. Nothing is overwritten until the
 * user chooses.
 */
export function ConflictPanel({
  model,
  theirs,
  mine,
  busy,
  onKeepTheirs,
  onSaveMine,
}: {
  model: FormModel;
  theirs: DocumentView;
  mine: Record<string, unknown>;
  busy: boolean;
  onKeepTheirs: () => void;
  onSaveMine: () => void;
}) {
  const languages = model.languages;
  return (
    <section aria-labelledby="conflict-heading" className="mb-6 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
      <h2 id="conflict-heading" className="text-base font-semibold">Someone else saved this document first</h2>
      <p role="alert" className="mt-1 text-sm">
        {theirs.updatedBy || "Someone"} saved revision {theirs.revision} at {new Date(theirs.updatedAt).toLocaleString()}. Your changes are not saved yet. Compare, then keep theirs or save yours over it.
      </p>
      <div className="mt-3 overflow-x-auto rounded-md border border-amber-300 bg-white text-slate-900 dark:border-amber-700 dark:bg-slate-900 dark:text-slate-100">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Their version and yours, field by field</caption>
          <thead className="border-b border-amber-200 dark:border-amber-800">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Field</th>
              <th scope="col" className="px-3 py-2 font-medium">Their version (revision {theirs.revision})</th>
              <th scope="col" className="px-3 py-2 font-medium">Your version</th>
            </tr>
          </thead>
          <tbody>
            {model.fields.map((field) => {
              const a = displayValue(field, theirs.values[field.name], languages);
              const b = displayValue(field, mine[field.name], languages);
              const differs = a !== b;
              return (
                <tr key={field.name} className={`border-b border-slate-100 last:border-0 dark:border-slate-800 ${differs ? "bg-amber-100/60 dark:bg-amber-900/40" : ""}`}>
                  <th scope="row" className="px-3 py-1.5 font-medium">
                    {field.label}
                    {differs ? <span className="ml-1 text-xs font-normal">(differs)</span> : null}
                  </th>
                  <td className="max-w-xs break-words px-3 py-1.5">{a || "—"}</td>
                  <td className="max-w-xs break-words px-3 py-1.5">{b || "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onKeepTheirs}>Keep their version</Button>
        <Button variant="danger" busy={busy} onClick={onSaveMine}>Save mine over theirs</Button>
      </div>
    </section>
  );
}
