"use client";

import dynamic from "next/dynamic";
import { useDeferredValue, useMemo, useReducer, useState } from "react";
import type { JsonObject } from "@/lib/blueprints/json-text";
import { orderOf } from "@/lib/blueprints/raw-fields";
import { validateBlueprint, type BlueprintIssue, type KnownBlueprint } from "@/lib/blueprints/validate";
import type { FieldErrors } from "@/lib/http/errors";
import { Button } from "@/components/ui/button";
import { editorReducer, fromDocument, toDocument } from "@/components/blueprints/editor/editor-state";
import { FieldProperties, type MessagesFor } from "@/components/blueprints/editor/field-properties";
import { IssueSummary } from "@/components/blueprints/editor/issue-summary";
import { MetadataFields } from "@/components/blueprints/editor/metadata-fields";

// The drag-and-drop list and the form renderer are the heavy parts: loaded after the page, not in its first JS.
const FieldList = dynamic(() => import("@/components/blueprints/editor/field-list").then((m) => m.FieldList), {
  ssr: false,
  loading: () => <p role="status" className="text-sm">Loading the field list…</p>,
});
const LivePreview = dynamic(() => import("@/components/blueprints/editor/live-preview").then((m) => m.LivePreview), {
  ssr: false,
  loading: () => <p role="status" className="text-sm">Loading the form…</p>,
});

/**
 * The blueprint editor: metadata, the field list (reorder by drag, keyboard or
 * buttons), the selected field's properties, validation messages naming the
 * field, and the rendered form beside it (below it on narrow screens). It only
 * edits: saving is the caller's `onSave`.
 */
function repeatedOrders(document: JsonObject): number[] {
  const fields = Array.isArray(document.fields) ? (document.fields as JsonObject[]) : [];
  const orders = fields.map(orderOf).filter(Number.isFinite);
  return [...new Set(orders.filter((o, i) => orders.indexOf(o) !== i))];
}

export function BlueprintEditor({
  initial,
  known,
  isNew,
  saveLabel,
  saving,
  serverErrors,
  onSave,
}: {
  initial: JsonObject;
  known: readonly KnownBlueprint[];
  isNew: boolean;
  saveLabel: string;
  saving: boolean;
  serverErrors?: FieldErrors;
  onSave: (document: JsonObject) => void;
}) {
  const [state, dispatch] = useReducer(editorReducer, initial, fromDocument);
  const [selected, setSelected] = useState<string | undefined>(state.rows[0]?.id);
  const [attempted, setAttempted] = useState(false);
  const inherited = useMemo(() => repeatedOrders(initial), [initial]);

  const document = useMemo(() => toDocument(state), [state]);
  const issues = useMemo<BlueprintIssue[]>(() => {
    const local = validateBlueprint(document, { known, inheritedDuplicateOrders: inherited });
    const server = Object.entries(serverErrors ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ path, message, severity: "error" as const })));
    return [...local, ...server.filter((s) => !local.some((l) => l.path === s.path && l.message === s.message))];
  }, [document, known, inherited, serverErrors]);
  const errors = issues.filter((i) => i.severity === "error");
  const preview = useDeferredValue(document);

  // A new blueprint starts empty: its errors show from the first save attempt, not before anything is typed.
  const showErrors = attempted || !isNew;
  const rowIndex = new Map(state.rows.map((r, i) => [r.id, i]));
  const errorRows = new Set(!showErrors ? [] : state.rows.filter((_, i) => errors.some((e) => e.path.startsWith(`fields.${i}.`))).map((r) => r.id));
  const messagesAt = (prefix: string): MessagesFor => (prop) => ({
    errors: showErrors ? issues.filter((i) => i.severity === "error" && i.path === `${prefix}${prop}`).map((i) => i.message) : [],
    warnings: issues.filter((i) => i.severity === "warning" && i.path === `${prefix}${prop}`).map((i) => i.message),
  });
  const selectedRow = state.rows.find((r) => r.id === selected) ?? state.rows[0];

  return (
    // A div, not a form: the live preview beside it is a form of its own.
    <div
      className="grid gap-6 lg:grid-cols-2"
    >
      <div className="flex min-w-0 flex-col gap-4">
        <MetadataFields meta={state.meta} isNew={isNew} messages={messagesAt("")} dispatch={dispatch} />
        <section aria-labelledby="bp-fields-heading" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="bp-fields-heading" className="text-base font-semibold">Fields ({state.rows.length})</h2>
            <Button
              variant="secondary"
              onClick={() => {
                dispatch({ type: "add" });
              }}
            >
              Add field
            </Button>
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Reorder by dragging a handle, or from the keyboard: focus a handle, press Enter, move with the arrow keys and press Enter to drop. The ↑ ↓ buttons move one place.
          </p>
          <FieldList rows={state.rows} selected={selectedRow?.id} errorRows={errorRows} dispatch={dispatch} onSelect={setSelected} />
        </section>
        {selectedRow ? <FieldProperties key={selectedRow.id} row={selectedRow} known={known} messages={messagesAt(`fields.${rowIndex.get(selectedRow.id) ?? 0}.`)} dispatch={dispatch} /> : null}
        <IssueSummary issues={issues} show={showErrors} />
        <div className="flex flex-wrap gap-2">
          <Button
            busy={saving}
            onClick={() => {
              setAttempted(true);
              if (errors.length === 0) onSave(document);
            }}
          >
            {saveLabel}
          </Button>
          {attempted && errors.length > 0 ? <p role="alert" className="self-center text-sm text-red-700 dark:text-red-300">Fix the {errors.length} error{errors.length > 1 ? "s" : ""} above to save.</p> : null}
        </div>
      </div>
      <aside aria-labelledby="bp-preview-heading" className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        <h2 id="bp-preview-heading" className="mb-2 text-base font-semibold">Rendered form (live)</h2>
        <LivePreview document={preview} />
      </aside>
    </div>
  );
}
