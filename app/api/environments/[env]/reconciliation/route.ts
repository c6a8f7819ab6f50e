import { recordAudit } from "@/lib/audit/record";
import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log/logger";
import { reconcileOp, startReconciliationOp } from "@/lib/reconcile/operations";
import { latestReconciliation, startReconciliation } from "@/lib/reconcile/service";

export const GET = route(reconcileOp, async ({ params }) => latestReconciliation(await environmentContext(params.env)));

export const POST = route(startReconciliationOp, async ({ params, principal, requestId }) => {
  const { pass, work } = await startReconciliation(await environmentContext(params.env), principal.email);
  // The pass goes on after the response (and after the tab closes); its end is audited on its own.
  const event = { actor: principal.email, action: "reconciliation.finished", environment: params.env, target: `reconciliation:${pass.id}`, requestId };
  void work()
    .then(() => recordAudit(event, "success"))
    .catch(async (err: unknown) => {
      log.error("reconciliation pass failed", { env: params.env, passId: pass.id, error: err });
      await recordAudit(event, "failure", "internal").catch(() => {});
    });
  return pass;
});
