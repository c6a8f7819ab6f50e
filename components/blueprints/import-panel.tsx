"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/http/client";
import { parseJsonText, type JsonSyntaxError } from "@/lib/blueprints/json-text";
import { blueprintHref } from "@/components/blueprints/links";
import { useImportBlueprint } from "@/components/blueprints/queries";

/**
 * Import a blueprint as it is, from a file or pasted text. Malformed JSON is
 * reported with its line and column before anything is sent, and the caret
 * can jump to it; the server checks the same way and validates the blueprint.
 */
export function ImportPanel({ env }: { env: string }) {
  const router = useRouter();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  const [syntax, setSyntax] = useState<JsonSyntaxError | null>(null);
  const importer = useImportBlueprint(env);
  const serverErrors = importer.error instanceof ApiError ? Object.values(importer.error.fieldErrors).flat() : [];

  function check(value: string): boolean {
    const parsed = parseJsonText(value);
    setSyntax(parsed.ok ? null : parsed.error);
    return parsed.ok;
  }

  function goToError() {
    if (!syntax || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(syntax.offset, syntax.offset + 1);
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id={`${id}-heading`} className="text-base font-semibold">Import JSON</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">The blueprint is stored exactly as written (quirks included) as a new blueprint or a new version of one.</p>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-xs font-medium">Blueprint file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          className="text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            const content = await file.text();
            setText(content);
            check(content);
          }}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-text`} className="text-xs font-medium">Or paste the JSON</label>
        <textarea
          id={`${id}-text`}
          ref={area}
          value={text}
          rows={10}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            if (syntax) check(e.target.value);
          }}
          aria-invalid={syntax ? true : undefined}
          aria-describedby={syntax ? `${id}-syntax` : undefined}
          className="rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
        />
        {syntax ? (
          <p id={`${id}-syntax`} role="alert" className="text-sm text-red-700 dark:text-red-300">
            Line {syntax.line}, column {syntax.column}: {syntax.message}{" "}
            <button type="button" onClick={goToError} className="underline">Go to the error</button>
          </p>
        ) : null}
      </div>
      {serverErrors.length ? (
        <Alert tone="error" title={importer.error?.message}>
          <ul className="list-disc pl-5">{serverErrors.map((m) => <li key={m}>{m}</li>)}</ul>
        </Alert>
      ) : importer.error ? <Alert tone="error">{importer.error.message}</Alert> : null}
      <div>
        <Button
          busy={importer.isPending}
          onClick={async () => {
            if (!check(text)) return;
            const saved = await importer.mutateAsync({ text, verbatim: true }).catch(() => undefined);
            if (saved) router.push(blueprintHref(env, saved.irn, saved.version));
          }}
        >
          Import
        </Button>
      </div>
    </section>
  );
}
