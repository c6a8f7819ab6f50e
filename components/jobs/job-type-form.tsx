"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/form-errors";
import { JOB_STATUSES, JOB_TYPES, jobTypeInputSchema, type JobTypeInput } from "@/lib/jobs/schema";
import { SchedulePreview } from "@/components/jobs/schedule-preview";

/**
 * A job type's fields (blueprint irma:schd_jobs, plus the console's parameters
 * blueprint, schedule and timeout). Renders only: defaultValues in, onSubmit out,
 * validated with the server's schema.
 * (The job type's own fields are the console's, with a schedule preview, so this
 * is a dedicated form rather than the schd_jobs blueprint rendered by BlueprintForm.)
 */
export type JobTypeFormValues = { [K in keyof JobTypeInput]-?: string };

const FIELDS = ["name", "status", "version", "handler", "description", "type", "paramsBlueprint", "schedule", "timeoutSeconds"] as const;

export function JobTypeForm({ env, defaultValues, onSubmit, submitLabel }: { env: string; defaultValues: JobTypeFormValues; onSubmit: (values: JobTypeInput) => Promise<void>; submitLabel: string }) {
  const form = useForm<JobTypeFormValues>({ resolver: zodResolver(jobTypeInputSchema) as unknown as Resolver<JobTypeFormValues>, defaultValues, mode: "onTouched" });
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const schedule = useWatch({ control: form.control, name: "schedule" });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values as unknown as JobTypeInput);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={submitLabel}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField label="Name" required autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Status" required error={errors.status?.message} {...form.register("status")}>
          {Object.entries(JOB_STATUSES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </SelectField>
        <SelectField label="Type" required error={errors.type?.message} {...form.register("type")}>
          {Object.entries(JOB_TYPES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </SelectField>
      </div>
      <TextField label="Handler route" required placeholder="/jobs/cleanup" hint="Joined with the environment's app API URL; the run is POSTed there." error={errors.handler?.message} {...form.register("handler")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Version" placeholder="1.0.0" error={errors.version?.message} {...form.register("version")} />
        <TextField label="Timeout (seconds)" inputMode="numeric" placeholder="30" error={errors.timeoutSeconds?.message} {...form.register("timeoutSeconds")} />
      </div>
      <TextField label="Description" error={errors.description?.message} {...form.register("description")} />
      <TextField label="Parameters blueprint" placeholder="report_params" hint="Optional; the name of a blueprint whose form gives a run's parameters." error={errors.paramsBlueprint?.message} {...form.register("paramsBlueprint")} />
      <TextField
        label="Schedule"
        placeholder="rate(1 hour) or cron(0 3 * * ? *)"
        hint="Optional; an EventBridge rule invoking the app function. Cron has 6 fields: minutes hours day-of-month month day-of-week year."
        error={errors.schedule?.message}
        {...form.register("schedule")}
      />
      <SchedulePreview env={env} expression={schedule ?? ""} />
      <div>
        <Button type="submit" busy={isSubmitting}>{submitLabel}</Button>
      </div>
    </form>
  );
}
