import { removeConsoleUserOp, updateConsoleUserOp } from "@/lib/console-users/operations";
import { removeConsoleUser, setConsoleUserGrants } from "@/lib/console-users/service";
import { route } from "@/lib/http/route";

export const PUT = route(updateConsoleUserOp, async ({ params, body, audit }) => {
  audit({ target: `console-user:${params.username}` });
  return setConsoleUserGrants(params.username, body.grants);
});

export const DELETE = route(removeConsoleUserOp, async ({ params, audit }) => {
  audit({ target: `console-user:${params.username}` });
  await removeConsoleUser(params.username);
});
