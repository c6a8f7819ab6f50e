"use client";

import type { KnownBlueprint } from "@/lib/blueprints/validate";
import { parseSource } from "@/lib/blueprints/raw-fields";
import { SelectInput, TextInput } from "@/components/blueprints/editor/inputs";

/**
 * `source` as three choices (blueprint, value field, label field) when the
 * environment's blueprints are known; written `<blueprint>:<value>:<label>`.
 */
export function SourceEditor({ value, known, errors, warnings, onChange }: { value: string; known: readonly KnownBlueprint[]; errors?: readonly string[]; warnings?: readonly string[]; onChange: (v: string) => void }) {
  const ref = parseSource(value);
  if (value.trim() !== "" && !ref) {
    return <TextInput label="Source" mono value={value} onChange={onChange} errors={errors} warnings={warnings} hint="Written <blueprint name>:<value field>:<label field>." />;
  }
  const blueprint = ref?.blueprint ?? "";
  const fields = ["_id", ...(known.find((k) => k.name === blueprint)?.fields ?? [])];
  const fieldOptions = fields.map((f) => ({ value: f, label: f }));
  const set = (b: string, v: string, l: string) => onChange(b ? `${b}:${v}:${l}` : "");
  return (
    <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-xs font-medium text-slate-700 dark:text-slate-200">Source (options from another blueprint&apos;s documents)</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        <SelectInput
          label="Source blueprint"
          value={blueprint}
          onChange={(b) => set(b, "_id", known.find((k) => k.name === b)?.fields[0] ?? "_id")}
          options={[{ value: "", label: "(none)" }, ...known.map((k) => ({ value: k.name, label: k.name }))]}
        />
        {blueprint ? <SelectInput label="Value field" value={ref?.valueField ?? "_id"} onChange={(v) => set(blueprint, v, ref?.labelField ?? "_id")} options={fieldOptions} /> : null}
        {blueprint ? <SelectInput label="Label field" value={ref?.labelField ?? "_id"} onChange={(l) => set(blueprint, ref?.valueField ?? "_id", l)} options={fieldOptions} /> : null}
      </div>
      <p className="mt-1 font-mono text-xs text-slate-600 dark:text-slate-400">{value || "no source"}</p>
      {errors?.map((m) => <p key={m} className="text-xs text-red-700 dark:text-red-300">{m}</p>)}
      {warnings?.map((m) => <p key={m} className="text-xs text-amber-800 dark:text-amber-200">{m}</p>)}
    </fieldset>
  );
}
