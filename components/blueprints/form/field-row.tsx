"use client";

import { memo, useCallback, useState } from "react";
import { allMessages, ownMessage, subError } from "@/components/blueprints/form/field-errors";
import { FieldShell, fieldIds } from "@/components/blueprints/form/field-shell";
import { languageErrorClass, LanguageValues } from "@/components/blueprints/form/language-values";
import { RepeatableValues } from "@/components/blueprints/form/repeatable-values";
import { errorText } from "@/components/blueprints/form/styles";
import { MultiSelectInput } from "@/components/blueprints/form/widgets/multi-select-input";
import { isGroupWidget, itemWidget } from "@/components/blueprints/form/widgets/registry";
import type { FormField } from "@/lib/blueprints/form-model";
import type { ItemFormValue, ShapedFormValue } from "@/lib/blueprints/form-values";
import type { SourceSearch } from "@/lib/blueprints/source";

/**
 * How a row reads and writes its value in the form (see blueprint-form.tsx):
 * `read` gives the current value when the row mounts, `write` records a change
 * in react-hook-form (which re-validates it once the form has been submitted).
 */
export type FieldStore = {
  read: (name: string) => unknown;
  write: (name: string, value: unknown) => void;
};

export type FieldRowProps = {
  store: FieldStore;
  field: FormField;
  /** The field's error subtree from react-hook-form (its section passes it down). */
  error: unknown;
  formId: string;
  languages: string[];
  disabled: boolean;
  readOnly: boolean;
  sourceSearch?: SourceSearch;
};

function asItem(value: unknown): ItemFormValue {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value !== null && typeof value === "object" && "lat" in value && "lon" in value) {
    return { lat: String(value.lat ?? ""), lon: String(value.lon ?? "") };
  }
  return "";
}

function asList(value: unknown): ItemFormValue[] {
  return Array.isArray(value) ? value.map(asItem) : [];
}

function asLanguageMap(value: unknown): Record<string, ShapedFormValue> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([lang, v]) => [lang, Array.isArray(v) ? asList(v) : asItem(v)]));
}

// Validation runs on submit, then on change; leaving a field changes nothing.
const noop = () => undefined;

function emptyItem(field: FormField): ItemFormValue {
  if (field.valueType === "boolean") return false;
  return field.valueType === "geo" ? { lat: "", lon: "" } : "";
}

/**
 * One field, memoised: a keystroke re-renders this row and nothing else. The
 * row holds what its inputs show in local state (it is the only writer of its
 * field) and hands every change to the form; its error comes from its
 * section's one subscription. No per-row react-hook-form hook (useController
 * registers, watches and subscribes each field: most of the cost of mounting a
 * long form), so a row costs little more than its inputs.
 */
export const FieldRow = memo(function FieldRow({ store, error, field, formId, languages, disabled, readOnly, sourceSearch }: FieldRowProps) {
  const name = field.name;
  const [value, setValue] = useState(() => store.read(name));
  const onChange = useCallback(
    (next: unknown) => {
      setValue(next);
      store.write(name, next);
    },
    [store, name],
  );
  const input = { value, onChange, onBlur: noop };
  const ids = fieldIds(formId, field.name);
  const simple = !field.multiple && !field.multilingual;
  // Item and language errors are shown beside their input; the row shows the field's own (and geo's lat/lon ones).
  const message = simple ? allMessages(error).join(". ") || undefined : ownMessage(error);
  const describedBy = [field.hint ? ids.hint : "", message ? ids.error : ""].filter(Boolean).join(" ") || undefined;
  const Widget = itemWidget(field);
  const common = { field, onBlur: input.onBlur, describedBy, labelId: ids.label, required: field.required, disabled, readOnly, sourceSearch };

  const shaped = (value: unknown, onChange: (v: ShapedFormValue) => void, err: unknown, id: string, label: string, ariaLabel?: string) => {
    if (field.widget === "multi-select") {
      const list = asList(value).filter((v): v is string => typeof v === "string");
      return <MultiSelectInput {...common} id={id} value={list} onChange={onChange} invalid={allMessages(err).length > 0} />;
    }
    if (field.multiple) {
      return <RepeatableValues {...common} id={id} values={asList(value)} onChange={onChange} empty={emptyItem(field)} error={err} label={label} />;
    }
    return <Widget {...common} id={id} value={asItem(value)} onChange={onChange} invalid={allMessages(err).length > 0} ariaLabel={ariaLabel} />;
  };

  let body;
  if (field.multilingual) {
    const map = asLanguageMap(input.value);
    const langs = [...new Set([...languages, ...Object.keys(map)])];
    body = (
      <LanguageValues
        id={ids.id}
        languages={langs}
        values={map}
        render={(lang, value) => {
          const langError = subError(error, lang);
          const langMessage = field.multiple ? ownMessage(langError) : allMessages(langError).join(". ");
          return (
            <>
              {shaped(value, (v) => input.onChange({ ...map, [lang]: v }), langError, lang === langs[0] ? ids.id : `${ids.id}-${lang}`, `${field.label} (${lang})`, `${field.label} (${lang})`)}
              {langMessage ? <p className={`${errorText} ${languageErrorClass}`}>{langMessage}</p> : null}
            </>
          );
        }}
      />
    );
  } else {
    body = shaped(input.value, input.onChange, error, ids.id, field.label);
  }

  return (
    <FieldShell field={field} ids={ids} group={isGroupWidget(field)} error={message}>
      {body}
    </FieldShell>
  );
});
