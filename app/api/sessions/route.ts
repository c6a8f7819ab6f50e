import { cookies } from "next/headers";
import { deleteAllSessionsOp } from "@/lib/auth/operations";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { revokeSessionsOf } from "@/lib/auth/session-store";
import { route } from "@/lib/http/route";

export const DELETE = route(deleteAllSessionsOp, async ({ principal }) => {
  const ended = await revokeSessionsOf(principal.sub);
  (await cookies()).delete(SESSION_COOKIE);
  return { ended };
});
