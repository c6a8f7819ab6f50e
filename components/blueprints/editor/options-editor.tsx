"use client";

import { useState } from "react";
import type { JsonObject } from "@/lib/blueprints/json-text";
import { controlClass } from "@/components/blueprints/editor/inputs";

/**
 * A select's options (value → label), in display order. Rows are kept locally
 * so that two rows may briefly share a value while typing; the field gets the
 * first of each value.
 */
type OptionRow = { key: number; value: string; label: string };

function toObject(rows: OptionRow[]): JsonObject {
  const out: JsonObject = {};
  for (const r of rows) if (!(r.value in out)) out[r.value] = r.label;
  return out;
}

export function OptionsEditor({ fieldName, options, errors, onChange }: { fieldName: string; options: Record<string, string>; errors?: readonly string[]; onChange: (options: JsonObject | undefined) => void }) {
  const [rows, setRows] = useState<OptionRow[]>(() => Object.entries(options).map(([value, label], i) => ({ key: i, value, label })));
  const [nextKey, setNextKey] = useState(rows.length);
  const update = (next: OptionRow[]) => {
    setRows(next);
    onChange(next.length ? toObject(next) : undefined);
  };
  const duplicates = new Set(rows.filter((r, i) => rows.findIndex((o) => o.value === r.value) !== i).map((r) => r.value));

  return (
    <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-xs font-medium text-slate-700 dark:text-slate-200">Options of {fieldName || "this field"} (value → label)</legend>
      {rows.length === 0 ? <p className="text-xs text-slate-600 dark:text-slate-400">No options.</p> : null}
      <ul className="flex flex-col gap-2">
        {rows.map((row, i) => (
          <li key={row.key} className="flex flex-wrap items-center gap-2">
            <input
              aria-label={`Value of option ${i + 1}`}
              value={row.value}
              onChange={(e) => update(rows.map((r) => (r.key === row.key ? { ...r, value: e.target.value } : r)))}
              aria-invalid={duplicates.has(row.value) || row.value === "" ? true : undefined}
              className={`${controlClass} w-36 flex-1 border-slate-300 font-mono dark:border-slate-600`}
            />
            <input
              aria-label={`Label of option ${i + 1}`}
              value={row.label}
              onChange={(e) => update(rows.map((r) => (r.key === row.key ? { ...r, label: e.target.value } : r)))}
              className={`${controlClass} w-36 flex-1 border-slate-300 dark:border-slate-600`}
            />
            <button type="button" onClick={() => update(rows.filter((r) => r.key !== row.key))} className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950">
              Remove<span className="sr-only"> option {i + 1}</span>
            </button>
          </li>
        ))}
      </ul>
      {duplicates.size ? <p className="mt-2 text-xs text-red-700 dark:text-red-300">Option values must differ: {[...duplicates].join(", ")} is repeated.</p> : null}
      {errors?.map((m) => <p key={m} className="mt-2 text-xs text-red-700 dark:text-red-300">{m}</p>)}
      <button
        type="button"
        onClick={() => {
          update([...rows, { key: nextKey, value: `option_${rows.length + 1}`, label: `Option ${rows.length + 1}` }]);
          setNextKey(nextKey + 1);
        }}
        className="mt-2 rounded border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Add option
      </button>
    </fieldset>
  );
}
