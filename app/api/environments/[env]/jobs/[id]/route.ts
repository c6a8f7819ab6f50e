import { route } from "@/lib/http/route";
import { saveJobType } from "@/lib/jobs/job-service";
import { findJobType } from "@/lib/jobs/job-types";
import { updateJobOp } from "@/lib/jobs/operations";
import { jobStore } from "@/lib/jobs/store";

export const PUT = route(updateJobOp, async ({ params, body, principal, audit }) => {
  audit({ target: `job:${params.id}` });
  const store = await jobStore(params.env);
  return saveJobType(store, params.id, body, principal.email, await findJobType(store, params.id));
});
