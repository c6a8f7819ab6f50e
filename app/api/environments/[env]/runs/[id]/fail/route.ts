import { route } from "@/lib/http/route";
import { namedRun } from "@/lib/jobs/author-names";
import { markRunFailedOp } from "@/lib/jobs/operations";
import { detailOf } from "@/lib/jobs/run-items";
import { markRunFailed } from "@/lib/jobs/runs-write";
import { jobStore } from "@/lib/jobs/store";

export const POST = route(markRunFailedOp, async ({ params, body, principal, audit }) => {
  audit({ target: `run:${params.id}` });
  const reason = body.reason ? `Marked failed by ${principal.email}: ${body.reason}` : `Marked failed by ${principal.email}.`;
  const store = await jobStore(params.env);
  return namedRun(store, detailOf(await markRunFailed(store, params.id, reason), new Date()));
});
