import "server-only";
import { blueprintForNewDocuments } from "@/lib/documents/blueprint-version";
import { validateValues } from "@/lib/documents/validate";
import { languagesOf } from "@/lib/environments/record";
import { NotFoundError, ValidationError } from "@/lib/http/errors";
import { JOB_FIELDS, jobTypeModel } from "@/lib/jobs/job-blueprint";
import { createJobType, updateJobType } from "@/lib/jobs/job-types";
import { JOBS_BLUEPRINT } from "@/lib/jobs/keys";
import { syncSchedule } from "@/lib/jobs/schedules";
import type { JobType, JobTypeValues } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/** Saving a job type also saves its schedule; a schedule needs the app function to target, checked before anything is written. */
function assertSchedulable(store: JobStore, values: JobTypeValues) {
  if (values.schedule && !store.env.appFunctionArn) {
    throw ValidationError.forField("schedule", `Set the app function ARN on the environment ${store.env.name} first: the schedule invokes it.`);
  }
}

/**
 * The job type's blueprint fields, checked again with the environment's own
 * schd_jobs blueprint (the model the form renders: required fields, options),
 * beside the console's rules (jobTypeInputSchema: handler route, lengths). An
 * environment without that blueprint has the console's rules only.
 */
async function assertMatchesBlueprint(store: JobStore, values: JobTypeValues) {
  let document: Record<string, unknown>;
  try {
    document = (await blueprintForNewDocuments(store.env, JOBS_BLUEPRINT)).document;
  } catch (err) {
    if (err instanceof NotFoundError) return;
    throw err;
  }
  const model = jobTypeModel(document, languagesOf(store.env));
  if (!model) return;
  const fields: Record<string, unknown> = {};
  for (const name of JOB_FIELDS) if (values[name] !== undefined) fields[name] = values[name];
  validateValues(model, fields);
}

export async function saveNewJobType(store: JobStore, values: JobTypeValues, actor: string): Promise<JobType> {
  assertSchedulable(store, values);
  await assertMatchesBlueprint(store, values);
  const job = await createJobType(store, values, actor);
  if (job.schedule) await syncSchedule(store, job);
  return job;
}

export async function saveJobType(store: JobStore, id: string, values: JobTypeValues & { revision: number }, actor: string, previous?: JobType): Promise<JobType> {
  assertSchedulable(store, values);
  await assertMatchesBlueprint(store, values);
  const job = await updateJobType(store, id, values, actor);
  // A rule exists only for scheduled jobs; one that lost its schedule is removed.
  if (job.schedule || previous?.schedule !== null) await syncSchedule(store, job);
  return job;
}
