import "server-only";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { principalOf, refreshSession } from "@/lib/auth/session";
import { cookieOptions, SESSION_COOKIE, sealSession, sessionState, unsealSession, type SessionPayload } from "@/lib/auth/session-cookie";
import { isSessionOpen } from "@/lib/auth/session-store";
import type { Principal } from "@/lib/auth/roles";
import { config } from "@/lib/config/env";
import { UnauthenticatedError } from "@/lib/http/errors";

/**
 * Reads the caller's session from the cookie, checks that its server-side
 * record is still open, and refreshes it against Cognito when its window has
 * passed (route handlers only: they may set cookies). The route wrapper clears
 * the cookie when this throws UnauthenticatedError.
 */
export async function requirePrincipal(request: NextRequest, secure: boolean): Promise<Principal> {
  const state = sessionState(unsealSession(request.cookies.get(SESSION_COOKIE)?.value));
  if (state.state === "none") throw new UnauthenticatedError();
  if (!(await isSessionOpen(state.session.sub, state.session.sid))) {
    throw new UnauthenticatedError("Your session has ended. Sign in again.");
  }
  if (state.state === "valid") return principalOf(state.session);
  // An UnauthenticatedError from here clears the cookie in the route wrapper.
  const refreshed = await refreshSession(state.session);
  writeSessionCookie(await cookies(), refreshed, secure);
  return principalOf(refreshed);
}

/** The open session of the caller if there is one, without refreshing (for audit of refused requests). */
export async function currentSession(request: NextRequest): Promise<SessionPayload | undefined> {
  const state = sessionState(unsealSession(request.cookies.get(SESSION_COOKIE)?.value));
  if (state.state === "none") return undefined;
  return (await isSessionOpen(state.session.sub, state.session.sid)) ? state.session : undefined;
}

type CookieJar = Awaited<ReturnType<typeof cookies>>;

export function writeSessionCookie(jar: CookieJar, session: SessionPayload, secure: boolean): void {
  jar.set(SESSION_COOKIE, sealSession(session), cookieOptions(secure, session.maxExp));
}

/** For server components (which cannot set cookies): an open session that is valid or can be refreshed. */
export async function peekSession(): Promise<SessionPayload | undefined> {
  const jar = await cookies();
  const state = sessionState(unsealSession(jar.get(SESSION_COOKIE)?.value));
  if (state.state === "none") return undefined;
  return (await isSessionOpen(state.session.sub, state.session.sid)) ? state.session : undefined;
}

/**
 * Whether the browser reached the console over HTTPS. X-Forwarded-Proto counts
 * only behind a trusted proxy (TT_TRUST_PROXY); a configured public origin
 * (TT_PUBLIC_ORIGIN) says it outright.
 */
export function isSecureRequest(request: Request): boolean {
  const cfg = config();
  if (cfg.publicOrigin) return cfg.publicOrigin.startsWith("https:");
  const proto = cfg.trustProxy ? request.headers.get("x-forwarded-proto") : null;
  return proto ? proto.split(",")[0]?.trim() === "https" : new URL(request.url).protocol === "https:";
}
