"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import seedJobsBlueprint from "@/blueprints/irma-schd-jobs.json";
import { BlueprintForm } from "@/components/blueprints/form/blueprint-form";
import { useDocumentBlueprint } from "@/components/documents/queries";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/form-errors";
import { SchedulePreview } from "@/components/jobs/schedule-preview";
import { defaultValues as blueprintDefaults } from "@/lib/blueprints/form-values";
import { ApiError } from "@/lib/http/client";
import { JOB_FIELDS, jobTypeModel } from "@/lib/jobs/job-blueprint";
import { JOBS_BLUEPRINT } from "@/lib/jobs/keys";
import { jobTypeExtrasSchema, type JobTypeInput } from "@/lib/jobs/schema";

/**
 * A job type: the environment's schd_jobs blueprint rendered by the shared
 * renderer (BlueprintForm; name, status, version, handler, description, type),
 * with the console's own settings beside it (parameters blueprint, schedule with
 * its next runs, timeout), validated with the server's schema. Renders only:
 * defaultValues in, onSubmit out; the server checks both parts again.
 */
export type JobTypeFormValues = { [K in keyof JobTypeInput]-?: string };

const EXTRA_FIELDS = ["paramsBlueprint", "schedule", "timeoutSeconds"] as const;
type Extras = Pick<JobTypeFormValues, (typeof EXTRA_FIELDS)[number]>;

export function JobTypeForm({ env, defaultValues, onSubmit, submitLabel }: { env: string; defaultValues: JobTypeFormValues; onSubmit: (values: JobTypeInput) => Promise<void>; submitLabel: string }) {
  const blueprint = useDocumentBlueprint(env, JOBS_BLUEPRINT);
  // An environment without a schd_jobs blueprint (not provisioned to step 8) gets the setup document's copy,
  // which is what the server checks against then too (the console's rules).
  const missing = blueprint.isError && blueprint.error instanceof ApiError && blueprint.error.status === 404;
  const model = useMemo(
    () => (blueprint.data ? jobTypeModel(blueprint.data.blueprint, blueprint.data.languages) : missing ? jobTypeModel(seedJobsBlueprint, ["en"]) : null),
    [blueprint.data, missing],
  );
  // The values the dialog opened with (a live refetch must not reset what is being typed).
  const [initial] = useState(defaultValues);
  const documentDefaults = useMemo(() => {
    if (!model) return undefined;
    const doc: Record<string, string | undefined> = {};
    for (const name of JOB_FIELDS) doc[name] = initial[name] || undefined;
    return blueprintDefaults(model, doc);
  }, [model, initial]);
  const extras = useForm<Extras>({
    resolver: zodResolver(jobTypeExtrasSchema) as unknown as Resolver<Extras>,
    defaultValues: { paramsBlueprint: initial.paramsBlueprint, schedule: initial.schedule, timeoutSeconds: initial.timeoutSeconds },
    mode: "onTouched",
  });
  const { errors } = extras.formState;
  const schedule = useWatch({ control: extras.control, name: "schedule" });

  if (blueprint.isPending) return <p role="status">Loading the {JOBS_BLUEPRINT} blueprint…</p>;
  if (blueprint.isError && !missing) return <Alert tone="error">The job types blueprint ({JOBS_BLUEPRINT}) of {env} could not be read: {blueprint.error.message}</Alert>;
  if (!model) return <Alert tone="error">The job types blueprint ({JOBS_BLUEPRINT}) of {env} is not readable; open it in the blueprint editor.</Alert>;

  return (
    <div className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-4 rounded-md border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">Console settings</legend>
        <TextField label="Parameters blueprint" placeholder="report_params" hint="Optional; the name of a blueprint whose form gives a run's parameters." error={errors.paramsBlueprint?.message} {...extras.register("paramsBlueprint")} />
        <TextField
          label="Schedule"
          placeholder="rate(1 hour) or cron(0 3 * * ? *)"
          hint="Optional; an EventBridge rule invoking the app function. Cron has 6 fields: minutes hours day-of-month month day-of-week year."
          error={errors.schedule?.message}
          {...extras.register("schedule")}
        />
        <SchedulePreview env={env} expression={schedule ?? ""} />
        <TextField label="Timeout (seconds)" inputMode="numeric" placeholder="30" error={errors.timeoutSeconds?.message} {...extras.register("timeoutSeconds")} />
      </fieldset>
      <BlueprintForm
        model={model}
        defaultValues={documentDefaults}
        submitLabel={submitLabel}
        onSubmit={async (values) => {
          // Both parts are checked before anything is sent; a bad setting above stops the save with its message there.
          if (!(await extras.trigger())) {
            throw new ApiError(400, "invalid_input", "Check the console settings above.");
          }
          const extra = extras.getValues();
          try {
            await onSubmit({ ...(values as Partial<JobTypeInput>), ...extra } as JobTypeInput);
          } catch (err) {
            // The server's errors on the console settings land there; the blueprint's on its fields (BlueprintForm).
            applyServerErrors(err, extras.setError, EXTRA_FIELDS);
            throw err;
          }
        }}
      />
    </div>
  );
}
