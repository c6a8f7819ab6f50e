import { recordAudit } from "@/lib/audit/record";
import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log/logger";
import { resumeBulk } from "@/lib/invites/bulk";
import { resumeBulkRunOp } from "@/lib/invites/operations";

export const POST = route(resumeBulkRunOp, async ({ params, principal, requestId }) => {
  const { run, work } = await resumeBulk(await environmentContext(params.env), params.runId, principal.email);
  // As a new run: the work goes on after the response, and its end is audited on its own.
  const event = { actor: principal.email, action: "invite.bulk-finished", environment: params.env, target: `bulk:${run.id}`, requestId };
  void work()
    .then(() => recordAudit(event, "success"))
    .catch(async (err: unknown) => {
      log.error("bulk invite run failed", { env: params.env, runId: run.id, error: err });
      await recordAudit(event, "failure", "internal").catch(() => {});
    });
  return run;
});
