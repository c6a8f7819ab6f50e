import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { retryInviteOp } from "@/lib/invites/operations";
import { retryInvite } from "@/lib/invites/service";

export const POST = route(retryInviteOp, async ({ params, principal, audit }) => {
  audit({ target: `invite:${params.id}` });
  return retryInvite(await environmentContext(params.env), params.id, principal.email);
});
