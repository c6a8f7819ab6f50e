"use client";

import { memo } from "react";
import { useController, type Control } from "react-hook-form";
import { allMessages, ownMessage, subError } from "@/components/blueprints/form/field-errors";
import { FieldShell, fieldIds } from "@/components/blueprints/form/field-shell";
import { LanguageValues } from "@/components/blueprints/form/language-values";
import { RepeatableValues } from "@/components/blueprints/form/repeatable-values";
import { errorText } from "@/components/blueprints/form/styles";
import { MultiSelectInput } from "@/components/blueprints/form/widgets/multi-select-input";
import { isGroupWidget, itemWidget } from "@/components/blueprints/form/widgets/registry";
import type { FormField } from "@/lib/blueprints/form-model";
import type { ItemFormValue, ShapedFormValue } from "@/lib/blueprints/form-values";
import type { SourceSearch } from "@/lib/blueprints/source";

export type FieldRowProps = {
  control: Control<Record<string, unknown>>;
  field: FormField;
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

function emptyItem(field: FormField): ItemFormValue {
  if (field.valueType === "boolean") return false;
  return field.valueType === "geo" ? { lat: "", lon: "" } : "";
}

/**
 * One field, subscribed to its own value and error only (useController), and
 * memoised: a keystroke re-renders this row and nothing else.
 */
export const FieldRow = memo(function FieldRow({ control, field, formId, languages, disabled, readOnly, sourceSearch }: FieldRowProps) {
  const { field: input, fieldState } = useController({ control, name: field.name });
  const ids = fieldIds(formId, field.name);
  const error: unknown = fieldState.error;
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
              {langMessage ? <p className={errorText}>{langMessage}</p> : null}
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
