import "server-only";
import { config } from "@/lib/config/env";

/**
 * CSRF defence for mutating requests, on top of SameSite=Lax cookies: a
 * browser always sends Origin on POST/PATCH/DELETE, and it must be this
 * console's own origin. Non-browser clients (CLI, scripts) send no Origin and
 * no Sec-Fetch-Site and are allowed; they authenticate with the cookie they
 * obtained from POST /api/session.
 *
 * Which origin is "ours": the configured public origin when there is one
 * (TT_PUBLIC_ORIGIN); otherwise the Host the request came to. X-Forwarded-Host
 * and -Proto are believed only behind a trusted proxy (TT_TRUST_PROXY), since
 * any client can send them.
 */
export type OriginSettings = { trustProxy: boolean; publicOrigin: string | undefined };

function first(value: string | null): string | undefined {
  const v = value?.split(",")[0]?.trim();
  return v ? v : undefined;
}

export function allowedOrigins(headers: Headers, requestUrl: string, settings: OriginSettings): Set<string> {
  if (settings.publicOrigin) return new Set([settings.publicOrigin]);
  const url = new URL(requestUrl);
  const allowed = new Set<string>([url.origin]);
  const forwardedHost = settings.trustProxy ? first(headers.get("x-forwarded-host")) : undefined;
  const forwardedProto = settings.trustProxy ? first(headers.get("x-forwarded-proto")) : undefined;
  const host = forwardedHost ?? first(headers.get("host"));
  if (host) allowed.add(`${forwardedProto ?? url.protocol.replace(":", "")}://${host}`);
  return allowed;
}

export function isSameOriginRequest(
  headers: Headers,
  requestUrl: string,
  settings: OriginSettings = { trustProxy: config().trustProxy, publicOrigin: config().publicOrigin },
): boolean {
  const origin = headers.get("origin");
  if (!origin) return headers.get("sec-fetch-site") === null || headers.get("sec-fetch-site") === "same-origin";
  if (origin === "null") return false;
  return allowedOrigins(headers, requestUrl, settings).has(origin);
}
