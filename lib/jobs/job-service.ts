import "server-only";
import { ValidationError } from "@/lib/http/errors";
import { createJobType, updateJobType } from "@/lib/jobs/job-types";
import { syncSchedule } from "@/lib/jobs/schedules";
import type { JobType, JobTypeValues } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/** Saving a job type also saves its schedule; a schedule needs the app function to target, checked before anything is written. */
function assertSchedulable(store: JobStore, values: JobTypeValues) {
  if (values.schedule && !store.env.appFunctionArn) {
    throw ValidationError.forField("schedule", `Set the app function ARN on the environment ${store.env.name} first: the schedule invokes it.`);
  }
}

export async function saveNewJobType(store: JobStore, values: JobTypeValues, actor: string): Promise<JobType> {
  assertSchedulable(store, values);
  const job = await createJobType(store, values, actor);
  if (job.schedule) await syncSchedule(store, job);
  return job;
}

export async function saveJobType(store: JobStore, id: string, values: JobTypeValues & { revision: number }, actor: string, previous?: JobType): Promise<JobType> {
  assertSchedulable(store, values);
  const job = await updateJobType(store, id, values, actor);
  // A rule exists only for scheduled jobs; one that lost its schedule is removed.
  if (job.schedule || previous?.schedule !== null) await syncSchedule(store, job);
  return job;
}
