import { route } from "@/lib/http/route";
import { reindexRunsOp } from "@/lib/jobs/operations";
import { reindexRuns } from "@/lib/jobs/reindex";
import { jobStore } from "@/lib/jobs/store";

export const POST = route(reindexRunsOp, async ({ params, body, audit }) => {
  audit({ target: `runs:${params.env}` });
  return reindexRuns(await jobStore(params.env), body);
});
