/**
 * `tt run` without --wait: the handler call of one queued run, in a detached
 * process of its own (started by job-commands.ts), so the command answers at
 * once and the run still ends with its result recorded. Arguments: <env> <run id>.
 * When this process cannot finish (killed, the machine stops), the run stays
 * new and is failed once past its deadline, as after a console restart.
 */
import { executeRun } from "@/lib/jobs/dispatch";
import { findJobType } from "@/lib/jobs/job-types";
import { completeRun, getRunRecord } from "@/lib/jobs/runs-write";
import { jobStore } from "@/lib/jobs/store";

async function main([env, runId]: string[]): Promise<number> {
  if (!env || !runId) return 2;
  const store = await jobStore(env);
  const run = await getRunRecord(store, runId);
  if (!run || run.status !== "new") return 0;
  const job = await findJobType(store, run.schd_jobs_id);
  if (!job) {
    await completeRun(store, run._id, { status: "failed", reason: "The job type was removed before its handler was called.", timeExecuted: new Date(), durationMs: null });
    return 1;
  }
  await executeRun(store, run, job);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  () => process.exit(1),
);
