import { inviteConsoleUserOp, listConsoleUsersOp } from "@/lib/console-users/operations";
import { inviteConsoleUser, listConsoleUsers } from "@/lib/console-users/service";
import { publicOrigin } from "@/lib/console-users/console-url";
import { route } from "@/lib/http/route";

export const GET = route(listConsoleUsersOp, async ({ query }) => ({ items: await listConsoleUsers(query.environment) }));

export const POST = route(inviteConsoleUserOp, async ({ body, principal, request, audit }) => {
  audit({ target: `console-user:${body.email}`, environment: body.environment });
  return inviteConsoleUser(body, `${publicOrigin(request.headers, request.url)}/sign-in`, principal.email);
});
