import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { resendInviteOp } from "@/lib/invites/operations";
import { resendInvite } from "@/lib/invites/service";

export const POST = route(resendInviteOp, async ({ params, principal, audit }) => {
  audit({ target: `invite:${params.id}` });
  return resendInvite(await environmentContext(params.env), params.id, principal.email);
});
