import { after } from "next/server";
import { route } from "@/lib/http/route";
import { startRerunFailed } from "@/lib/jobs/bulk-rerun";
import { rerunFailedOp } from "@/lib/jobs/operations";
import { jobStore } from "@/lib/jobs/store";

export const POST = route(rerunFailedOp, async ({ params, body, principal, audit }) => {
  const { progress, work } = await startRerunFailed(await jobStore(params.env), body, principal.email);
  audit({ target: `bulk:${progress.id}` });
  after(work);
  return progress;
});
