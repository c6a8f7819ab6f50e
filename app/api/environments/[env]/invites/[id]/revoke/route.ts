import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { revokeInviteOp } from "@/lib/invites/operations";
import { revokeInvite } from "@/lib/invites/service";

export const POST = route(revokeInviteOp, async ({ params, principal, audit }) => {
  audit({ target: `invite:${params.id}` });
  return revokeInvite(await environmentContext(params.env), params.id, principal.email);
});
