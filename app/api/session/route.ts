import { cookies } from "next/headers";
import { createSessionOp, deleteSessionOp, getSessionOp } from "@/lib/auth/operations";
import { writeSessionCookie } from "@/lib/auth/request-session";
import { endSession, principalView, startSession } from "@/lib/auth/session";
import { SESSION_COOKIE, unsealSession } from "@/lib/auth/session-cookie";
import { route } from "@/lib/http/route";

export const POST = route(createSessionOp, async ({ body, secure }) => {
  const session = await startSession(body);
  writeSessionCookie(await cookies(), session, secure);
  return principalView(session);
});

export const GET = route(getSessionOp, async ({ principal }) => principalView(principal));

export const DELETE = route(deleteSessionOp, async () => {
  const jar = await cookies();
  await endSession(unsealSession(jar.get(SESSION_COOKIE)?.value));
  jar.delete(SESSION_COOKIE);
});
