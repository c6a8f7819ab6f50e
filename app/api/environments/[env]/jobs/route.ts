import { route } from "@/lib/http/route";
import { saveNewJobType } from "@/lib/jobs/job-service";
import { createJobOp, listJobsOp } from "@/lib/jobs/operations";
import { jobsOverview } from "@/lib/jobs/runs-read";
import { jobStore } from "@/lib/jobs/store";

export const GET = route(listJobsOp, async ({ params }) => jobsOverview(await jobStore(params.env)));

export const POST = route(createJobOp, async ({ params, body, principal, audit }) => {
  const job = await saveNewJobType(await jobStore(params.env), body, principal.email);
  audit({ target: `job:${job.id}` });
  return job;
});
