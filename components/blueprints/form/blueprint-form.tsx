"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { useForm, useFormState, type Control, type FieldErrors, type Resolver } from "react-hook-form";
import { FieldRow, type FieldStore } from "@/components/blueprints/form/field-row";
import { FormSection } from "@/components/blueprints/form/form-section";
import { applyDocumentErrors } from "@/components/blueprints/form/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DocumentValues } from "@/lib/blueprints/document-schema";
import { buildFormModel, type FormField, type FormModel } from "@/lib/blueprints/form-model";
import { defaultValues as blueprintDefaults, type FormValues } from "@/lib/blueprints/form-values";
import type { SourceSearch } from "@/lib/blueprints/source";
import type { Blueprint } from "@/lib/blueprints/types";

/**
 * Renders any blueprint as a form. It only renders and validates: values in
 * (`defaultValues`, form-shaped: see lib/blueprints/form-values), parsed
 * document values out (`onSubmit`), with the same zod schema the server uses.
 * If onSubmit throws an ApiError with field errors, they land on the fields.
 */
export type BlueprintFormProps = ({ model: FormModel } | { blueprint: Blueprint; languages: string[] }) & {
  defaultValues?: FormValues;
  onSubmit: (values: DocumentValues) => void | Promise<void>;
  sourceSearch?: SourceSearch;
  readOnlyFields?: readonly string[];
  submitLabel: string;
  disabled?: boolean;
};

type Values = Record<string, unknown>;

/**
 * zod and the document schema are a third of the form's JavaScript and are
 * needed only to validate, so they load after first paint (pages that only
 * show documents never load them).
 */
const loadResolverModule = () => import("@/components/blueprints/form/document-resolver");

function SubmitButton({ control, label, disabled }: { control: Control<Values>; label: string; disabled: boolean }) {
  const { isSubmitting } = useFormState({ control });
  return (
    <Button type="submit" busy={isSubmitting} disabled={disabled}>
      {label}
    </Button>
  );
}

/** Says how many fields need attention after a failed submit (its own subscription, so fields do not re-render). */
function ErrorSummary({ control }: { control: Control<Values> }) {
  const { errors, submitCount } = useFormState({ control });
  const count = Object.keys(errors).filter((key) => key !== "root").length;
  if (!submitCount || !count) return null;
  return <Alert tone="error">{count === 1 ? "1 field needs attention." : `${count} fields need attention.`}</Alert>;
}

export function BlueprintForm(props: BlueprintFormProps) {
  const { onSubmit, sourceSearch, readOnlyFields, submitLabel, disabled = false } = props;
  const blueprint = "blueprint" in props ? props.blueprint : null;
  const languages = "languages" in props ? props.languages : null;
  const given = "model" in props ? props.model : null;
  const model = useMemo(() => given ?? buildFormModel(blueprint ?? emptyBlueprint, { languages: languages ?? ["en"] }), [given, blueprint, languages]);
  // Built on first validation, not at mount: a long blueprint's schema costs tens of milliseconds to build.
  const resolver = useMemo(() => {
    let built: Promise<Resolver<Values, unknown, DocumentValues>> | null = null;
    const lazy: Resolver<Values, unknown, DocumentValues> = async (values, context, options) => {
      built ??= loadResolverModule().then(
        (m) => m.documentResolver(model),
        (err: unknown) => {
          built = null; // a failed download is tried again on the next validation
          throw err;
        },
      );
      return (await built)(values, context, options);
    };
    return lazy;
  }, [model]);
  // Fetch the schema code once the form is on screen, so the first submit does not wait for it.
  useEffect(() => {
    const timer = setTimeout(() => void loadResolverModule().catch(() => undefined), 0);
    return () => clearTimeout(timer);
  }, []);
  const formId = useId();
  const readOnly = useMemo(() => new Set(readOnlyFields ?? []), [readOnlyFields]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [formError, setFormError] = useState<string | null>(null);
  const [renderAll, setRenderAll] = useState(false);

  const [initialValues] = useState<Values>(() => props.defaultValues ?? blueprintDefaults(model));
  const form = useForm<Values, unknown, DocumentValues>({
    resolver,
    defaultValues: initialValues,
    shouldFocusError: false,
  });

  // Rows are not registered with react-hook-form (see field-row.tsx): they write through setValue, and like
  // its default reValidateMode ("onChange") a change re-validates its field once the form has been submitted.
  const submitted = useRef(false);
  const { setValue } = form;
  const store = useMemo<FieldStore>(() => {
    // What the rows last wrote, so a row mounted later (a section opened) shows the current value.
    const current: Values = { ...initialValues };
    return {
      read: (name) => current[name],
      write: (name, value) => {
        current[name] = value;
        setValue(name, value, { shouldValidate: submitted.current, shouldDirty: true });
      },
    };
  }, [initialValues, setValue]);

  const setSection = useCallback((layer: number, open: boolean) => {
    setExpanded((prev) => {
      if (prev.has(layer) === open) return prev;
      const next = new Set(prev);
      if (open) next.add(layer);
      else next.delete(layer);
      return next;
    });
  }, []);

  /** Opens the section of the first invalid field (in form order) and focuses its first input. */
  const focusFirstError = useCallback(
    (errors: FieldErrors<Values>) => {
      const first = model.fields.find((f) => errors[f.name] !== undefined || form.getFieldState(f.name).error !== undefined);
      if (!first) return;
      flushSync(() => {
        setRenderAll(true);
        setSection(first.layer, true);
      });
      const row = document.getElementById(`${formId}-form`)?.querySelector(`[data-field="${CSS.escape(first.name)}"]`);
      row?.querySelector<HTMLElement>("input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])")?.focus();
    },
    [model, formId, setSection, form],
  );

  const renderField = useCallback(
    (field: FormField, error: unknown) => (
      <FieldRow
        key={field.name}
        store={store}
        error={error}
        field={field}
        formId={formId}
        languages={model.languages}
        disabled={disabled}
        readOnly={readOnly.has(field.name)}
        sourceSearch={sourceSearch}
      />
    ),
    [store, formId, model.languages, disabled, readOnly, sourceSearch],
  );

  const validateAndSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      setFormError(applyDocumentErrors(err, form.setError, new Set(model.fields.map((f) => f.name))));
      // Not form.formState: reading that proxy here would subscribe this whole component to error changes.
      focusFirstError({});
    }
  }, focusFirstError);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    submitted.current = true;
    return validateAndSubmit(event);
  };

  return (
    // autocomplete="off" here applies to every input of the form (browser suggestions rarely fit blueprint fields).
    <form id={`${formId}-form`} onSubmit={submit} noValidate autoComplete="off" className="flex w-full max-w-3xl flex-col gap-5" aria-label={model.label || model.blueprint}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <ErrorSummary control={form.control} />
      {model.sections.map((section) => (
        <FormSection
          key={section.layer}
          section={section}
          control={form.control}
          expanded={expanded.has(section.layer)}
          onExpandedChange={setSection}
          renderField={renderField}
          renderAll={renderAll}
        />
      ))}
      <div>
        <SubmitButton control={form.control} label={submitLabel} disabled={disabled} />
      </div>
    </form>
  );
}

const emptyBlueprint: Blueprint = { irn: "", name: "", version: "", label: "", status: "draft", fields: [] };
