"use client";

import { useId, type ReactNode } from "react";

/**
 * Compact labelled controls for the editor, each with its hint and errors tied
 * by aria-describedby. Controlled: value in, onChange out.
 */
export const controlClass =
  "w-full rounded-md border bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200 dark:bg-slate-900 dark:text-slate-100 dark:focus:ring-blue-800";

type Common = { label: string; hint?: ReactNode; errors?: readonly string[]; warnings?: readonly string[] };

function described(id: string, hint: unknown, errors?: readonly string[], warnings?: readonly string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : "", errors?.length ? `${id}-errors` : "", warnings?.length ? `${id}-warnings` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Messages({ id, hint, errors, warnings }: { id: string; hint?: ReactNode; errors?: readonly string[]; warnings?: readonly string[] }) {
  return (
    <>
      {hint ? <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {errors?.length ? (
        <ul id={`${id}-errors`} className="text-xs text-red-700 dark:text-red-300">
          {errors.map((m) => <li key={m}>{m}</li>)}
        </ul>
      ) : null}
      {warnings?.length ? (
        <ul id={`${id}-warnings`} className="text-xs text-amber-800 dark:text-amber-200">
          {warnings.map((m) => <li key={m}>{m}</li>)}
        </ul>
      ) : null}
    </>
  );
}

const border = (errors?: readonly string[]) => (errors?.length ? "border-red-600" : "border-slate-300 dark:border-slate-600");

export function TextInput({ label, hint, errors, warnings, value, onChange, mono, multiline, placeholder }: Common & { value: string; onChange: (v: string) => void; mono?: boolean; multiline?: boolean; placeholder?: string }) {
  const id = useId();
  const props = {
    id,
    value,
    placeholder,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": described(id, hint, errors, warnings),
    className: `${controlClass} ${border(errors)} ${mono ? "font-mono" : ""}`,
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-200">{label}</label>
      {multiline ? <textarea {...props} rows={3} onChange={(e) => onChange(e.target.value)} /> : <input {...props} onChange={(e) => onChange(e.target.value)} />}
      <Messages id={id} hint={hint} errors={errors} warnings={warnings} />
    </div>
  );
}

export function SelectInput({ label, hint, errors, warnings, value, onChange, options }: Common & { value: string; onChange: (v: string) => void; options: readonly { value: string; label: string }[] }) {
  const id = useId();
  const known = options.some((o) => o.value === value);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-200">{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described(id, hint, errors, warnings)}
        className={`${controlClass} ${border(errors)}`}
      >
        {/* A value the list does not know (an imported quirk) stays selectable rather than silently changing. */}
        {!known ? <option value={value}>{value || "(none)"}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <Messages id={id} hint={hint} errors={errors} warnings={warnings} />
    </div>
  );
}

export function CheckboxInput({ label, hint, errors, checked, onChange }: Common & { checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={described(id, hint, errors)} className="size-4 accent-blue-700" />
        <label htmlFor={id} className="text-sm text-slate-800 dark:text-slate-100">{label}</label>
      </div>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}
