import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { createInviteOp, listInvitesOp } from "@/lib/invites/operations";
import { inviteUser, listInvites } from "@/lib/invites/service";

export const GET = route(listInvitesOp, async ({ params, query }) => listInvites(await environmentContext(params.env), query.limit, query.cursor));

export const POST = route(createInviteOp, async ({ params, body, principal, audit }) => {
  audit({ target: `invite:${body.email}` });
  return inviteUser(await environmentContext(params.env), body, principal.email);
});
