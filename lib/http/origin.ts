import "server-only";

/**
 * CSRF defence for mutating requests, on top of SameSite=Lax cookies: a
 * browser always sends Origin on POST/PATCH/DELETE, and it must be this
 * console's own origin. Non-browser clients (CLI, scripts) send no Origin and
 * no Sec-Fetch-Site and are allowed; they authenticate with the cookie they
 * obtained from POST /api/session.
 */
export function isSameOriginRequest(headers: Headers, requestUrl: string): boolean {
  const origin = headers.get("origin");
  if (!origin) return headers.get("sec-fetch-site") === null || headers.get("sec-fetch-site") === "same-origin";
  if (origin === "null") return false;
  const allowed = new Set<string>([new URL(requestUrl).origin]);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host) {
    const proto = headers.get("x-forwarded-proto") ?? new URL(requestUrl).protocol.replace(":", "");
    allowed.add(`${proto}://${host}`);
  }
  return allowed.has(origin);
}
