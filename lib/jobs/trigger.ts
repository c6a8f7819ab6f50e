import "server-only";
import { ConflictError, ValidationError } from "@/lib/http/errors";
import { resolveJobType } from "@/lib/jobs/job-types";
import { detailOf, type RunRecord } from "@/lib/jobs/run-items";
import { createRun, getRunRecord } from "@/lib/jobs/runs-write";
import type { JobType, RunDetail, TriggerBody } from "@/lib/jobs/schema";
import type { Trigger } from "@/lib/jobs/stuck";
import type { JobStore } from "@/lib/jobs/store";
import { validateParams } from "@/lib/jobs/params";

/**
 * Run now: checks the job is available and its parameters are valid, records
 * the run `new` (once per idempotency key), and hands back what the caller
 * dispatches after answering (lib/jobs/dispatch.ts), so the response does not
 * wait for the handler.
 */
export type Triggered = { detail: RunDetail; created: boolean; run: RunRecord; job: JobType };

export async function triggerRun(store: JobStore, body: TriggerBody, caller: { author: string; trigger: Trigger }): Promise<Triggered> {
  const job = await resolveJobType(store, body.job);
  if (job.status !== "available") throw new ConflictError(`The job type ${job.name} is not available; make it available to run it.`);
  if (body.rerunOf) {
    const original = await getRunRecord(store, body.rerunOf);
    if (!original || original.schd_jobs_id !== job.id) throw ValidationError.forField("rerunOf", "This run does not exist or belongs to another job type.");
  }
  const params = await validateParams(store, job, body.params);
  const { run, created } = await createRun(store, {
    job,
    trigger: caller.trigger,
    author: caller.author,
    params,
    ...(body.idempotencyKey ? { idempotencyKey: body.idempotencyKey } : {}),
    ...(body.rerunOf ? { rerunOf: body.rerunOf } : {}),
  });
  return { detail: detailOf(run, new Date()), created, run, job };
}
