import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { setUserActiveOp } from "@/lib/invites/operations";
import { setUserActive } from "@/lib/invites/users";

export const POST = route(setUserActiveOp, async ({ params, body, audit }) => {
  audit({ target: `user/${params.id}:${body.active ? "reactivate" : "deactivate"}` });
  return setUserActive(await environmentContext(params.env), params.id, body.active);
});
