import "server-only";
import { cookies } from "next/headers";
import { principalOf, refreshSession } from "@/lib/auth/session";
import { cookieOptions, SESSION_COOKIE, sealSession, sessionState, unsealSession, type SessionPayload } from "@/lib/auth/session-cookie";
import type { Principal } from "@/lib/auth/roles";
import { UnauthenticatedError } from "@/lib/http/errors";

/**
 * Reads the caller's session from the cookie, refreshing it against Cognito
 * when its window has passed (route handlers only: they may set cookies).
 */
export async function requirePrincipal(secure: boolean): Promise<Principal> {
  const jar = await cookies();
  const state = sessionState(unsealSession(jar.get(SESSION_COOKIE)?.value));
  if (state.state === "valid") return principalOf(state.session);
  if (state.state === "refreshable") {
    let refreshed: SessionPayload;
    try {
      refreshed = await refreshSession(state.session);
    } catch (err) {
      if (err instanceof UnauthenticatedError) jar.delete(SESSION_COOKIE);
      throw err;
    }
    writeSessionCookie(jar, refreshed, secure);
    return principalOf(refreshed);
  }
  throw new UnauthenticatedError();
}

type CookieJar = Awaited<ReturnType<typeof cookies>>;

export function writeSessionCookie(jar: CookieJar, session: SessionPayload, secure: boolean): void {
  jar.set(SESSION_COOKIE, sealSession(session), cookieOptions(secure, session.maxExp));
}

/** For server components (which cannot set cookies): a session that is valid or can be refreshed. */
export async function peekSession(): Promise<SessionPayload | undefined> {
  const jar = await cookies();
  const state = sessionState(unsealSession(jar.get(SESSION_COOKIE)?.value));
  return state.state === "none" ? undefined : state.session;
}

export function isSecureRequest(request: Request): boolean {
  const proto = request.headers.get("x-forwarded-proto");
  return proto ? proto === "https" : new URL(request.url).protocol === "https:";
}
