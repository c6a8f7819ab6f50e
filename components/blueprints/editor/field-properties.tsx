"use client";

import type { JsonObject, JsonValue } from "@/lib/blueprints/json-text";
import { optionsOf, text } from "@/lib/blueprints/raw-fields";
import { KNOWN_TYPES, KNOWN_WIDGETS, type KnownBlueprint } from "@/lib/blueprints/validate";
import type { EditorAction, Row } from "@/components/blueprints/editor/editor-state";
import { CheckboxInput, SelectInput, TextInput } from "@/components/blueprints/editor/inputs";
import { OptionsEditor } from "@/components/blueprints/editor/options-editor";
import { SourceEditor } from "@/components/blueprints/editor/source-editor";

/** Every property of one field, with the messages validation gives for each. */
export type MessagesFor = (prop: string) => { errors: string[]; warnings: string[] };

const LAYERS = [
  { value: "0", label: "0 — main (always open)" },
  { value: "1", label: "1 — Details (collapsible)" },
  { value: "2", label: "2 — System (collapsible)" },
];

const asOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** A default is edited as text; a non-text default (the seed's true/false) is kept as its JSON value when it still parses. */
function parseDefault(input: string, previous: JsonValue | undefined): JsonValue {
  if (typeof previous === "string" || previous === undefined) return input;
  try {
    return JSON.parse(input) as JsonValue;
  } catch {
    return input;
  }
}

export function FieldProperties({ row, known, messages, dispatch }: { row: Row; known: readonly KnownBlueprint[]; messages: MessagesFor; dispatch: (a: EditorAction) => void }) {
  const f = row.field;
  const set = (key: string, value: JsonValue | undefined) => dispatch({ type: "field", id: row.id, key, value });
  const name = text(f.name);
  const def = f.default;
  return (
    <section aria-labelledby={`${row.id}-heading`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h3 id={`${row.id}-heading`} className="text-sm font-semibold">
        Field <span className="font-mono">{name || "(no name)"}</span>
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput label="Name" mono value={name} onChange={(v) => set("name", v)} {...messages("name")} />
        <TextInput label="Label" value={text(f.label)} onChange={(v) => set("label", v)} {...messages("label")} />
        <SelectInput label="Type" value={text(f.type)} onChange={(v) => set("type", v)} options={asOptions(KNOWN_TYPES)} {...messages("type")} />
        <SelectInput label="Widget" value={text(f.widget)} onChange={(v) => set("widget", v)} options={asOptions(KNOWN_WIDGETS)} {...messages("widget")} />
        <SelectInput label="Layer" value={text(f.layer)} onChange={(v) => set("layer", v)} options={LAYERS} {...messages("layer")} />
        <TextInput label="Order" mono value={text(f.order)} onChange={(v) => set("order", typeof f.order === "number" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v)} {...messages("order")} />
        <SelectInput label="Cardinality" value={text(f.cardinality)} onChange={(v) => set("cardinality", v)} options={[{ value: "single", label: "single" }, { value: "multiple", label: "multiple" }]} {...messages("cardinality")} />
        <TextInput
          label="Default"
          value={typeof def === "string" || def === undefined ? (def ?? "") : JSON.stringify(def)}
          onChange={(v) => set("default", parseDefault(v, def))}
          hint={typeof def !== "string" && def !== undefined ? `Stored as the JSON value ${JSON.stringify(def)} (not text); the form coerces it to the field's type.` : undefined}
          {...messages("default")}
        />
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <CheckboxInput label="Required" checked={f.required === true} onChange={(v) => set("required", v)} {...messages("required")} />
        <CheckboxInput label="Multilingual (one value per language)" checked={f.multilingual === true} onChange={(v) => set("multilingual", v)} {...messages("multilingual")} />
      </div>
      <TextInput label="Hint" multiline value={text(f.hint)} onChange={(v) => set("hint", v)} {...messages("hint")} />
      <TextInput label="Semantic URI" mono value={text(f.semantic)} onChange={(v) => set("semantic", v)} hint="An http(s) URI (e.g. https://schema.org/name) or a prefixed name; used for JSON-LD." {...messages("semantic")} />
      <OptionsEditor key={`${row.id}-options`} fieldName={name} options={optionsOf(f as JsonObject)} onChange={(o) => set("options", o)} errors={messages("options").errors} />
      <SourceEditor value={text(f.source)} known={known} onChange={(v) => set("source", v)} {...messages("source")} />
    </section>
  );
}
