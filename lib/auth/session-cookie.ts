import "server-only";
import { z } from "zod";
import { seal, unseal } from "@/lib/crypto/sealed";

/**
 * The session cookie: the principal, expiries and the Cognito refresh token,
 * sealed with AES-256-GCM (encrypted and authenticated) under a key derived
 * from TT_CONSOLE_SECRET. The browser cannot read or alter it. It is only
 * accepted while its server-side record (by `sid`) exists.
 */
export const SESSION_COOKIE = "tt_session";

const payloadSchema = z.object({
  v: z.literal(1),
  /** The server-side session record this cookie belongs to (lib/auth/session-store.ts). */
  sid: z.string().min(16),
  sub: z.string(),
  email: z.string(),
  username: z.string(),
  groups: z.array(z.string()),
  /** When this cookie stops being accepted without a refresh (ms since epoch). */
  exp: z.number(),
  /** When the session ends for good, whatever the refreshes (ms since epoch). */
  maxExp: z.number(),
  refreshToken: z.string().optional(),
});

export type SessionPayload = z.infer<typeof payloadSchema>;

export function sealSession(payload: SessionPayload): string {
  return seal("session-cookie", JSON.stringify(payload));
}

export function unsealSession(value: string | undefined): SessionPayload | undefined {
  if (!value) return undefined;
  const json = unseal("session-cookie", value);
  if (!json) return undefined;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type SessionState =
  | { state: "none" }
  | { state: "valid"; session: SessionPayload }
  | { state: "refreshable"; session: SessionPayload };

export function sessionState(session: SessionPayload | undefined, now = Date.now()): SessionState {
  if (!session || now >= session.maxExp) return { state: "none" };
  if (now < session.exp) return { state: "valid", session };
  return session.refreshToken ? { state: "refreshable", session } : { state: "none" };
}

export function cookieOptions(secure: boolean, maxExp: number, now = Date.now()) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: Math.max(0, Math.floor((maxExp - now) / 1000)),
  };
}
