import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { resumeBulk } from "@/lib/invites/bulk";
import { continueInBackground } from "@/lib/invites/bulk-background";
import { resumeBulkRunOp } from "@/lib/invites/operations";

export const POST = route(resumeBulkRunOp, async ({ params, principal, requestId }) => {
  const { run, work } = await resumeBulk(await environmentContext(params.env), params.runId, principal.email);
  // As a new run: the work goes on after the response, and its end is audited on its own.
  continueInBackground(work, { actor: principal.email, action: "invite.bulk-finished", environment: params.env, target: `bulk:${run.id}`, requestId });
  return run;
});
