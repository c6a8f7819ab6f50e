import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { fixFindingOp } from "@/lib/reconcile/operations";
import { fixFinding } from "@/lib/reconcile/service";

export const POST = route(fixFindingOp, async ({ params, body, principal, audit }) => {
  audit({ target: `${body.fix}:${body.email}` });
  return fixFinding(await environmentContext(params.env), body.fix, body.email, principal.email, body.passId);
});
