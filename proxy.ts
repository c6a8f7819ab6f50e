import { NextResponse, type NextRequest } from "next/server";
import { config as consoleConfig } from "@/lib/config/env";
import { allowedMethods } from "@/lib/http/api-paths";
import { methodNotAllowedResponse, notFoundResponse } from "@/lib/http/not-found";
import { API_SECURITY_HEADERS, HSTS, newNonce, pageCsp } from "@/lib/http/security-headers";

/**
 * Runs in front of every body-less request (see `config` below):
 * - API paths: 405 with Allow for a method no operation declares (TRACE
 *   included), a JSON 404 for a path none declares, API security headers.
 * - Pages: a fresh nonce per request in a strict Content-Security-Policy;
 *   Next.js reads it from the request's CSP header and puts it on its scripts.
 * HSTS goes on everything served over HTTPS. Authorization is not done here:
 * every route checks its own role.
 */
function isHttps(request: NextRequest): boolean {
  const cfg = consoleConfig();
  if (cfg.publicOrigin) return cfg.publicOrigin.startsWith("https:");
  const forwarded = cfg.trustProxy ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  return (forwarded ?? request.nextUrl.protocol.replace(":", "")) === "https";
}

/** Where the browser signs in: the Cognito endpoint of standard SDK configuration, or AWS's public one. */
function cognitoOrigin(): string {
  const cfg = consoleConfig();
  if (cfg.cognitoEndpointUrl) return new URL(cfg.cognitoEndpointUrl).origin;
  const region = cfg.userPoolIdOverride?.split("_")[0] ?? cfg.homeRegion;
  return `https://cognito-idp.${region}.amazonaws.com`;
}

function api(request: NextRequest, https: boolean): Response {
  const allow = allowedMethods(request.nextUrl.pathname);
  let response: Response;
  if (!allow) response = notFoundResponse();
  else if (request.method === "OPTIONS") response = new Response(null, { status: 204, headers: { allow: allow.join(", "), ...API_SECURITY_HEADERS } });
  else if (!allow.includes(request.method)) response = methodNotAllowedResponse(allow);
  else {
    response = NextResponse.next();
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) response.headers.set(name, value);
  }
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

function page(request: NextRequest, https: boolean): Response {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response(null, { status: 405, headers: { allow: "GET, HEAD", ...API_SECURITY_HEADERS } });
  }
  const nonce = newNonce();
  const csp = pageCsp({
    nonce,
    development: process.env.NODE_ENV === "development",
    connectSources: [cognitoOrigin()],
    upgradeInsecureRequests: https,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export function proxy(request: NextRequest): Response {
  const https = isHttps(request);
  const { pathname } = request.nextUrl;
  return pathname === "/api" || pathname.startsWith("/api/") ? api(request, https) : page(request, https);
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      // A request with a body skips the proxy: Next.js would buffer the whole
      // body for it before any route could refuse it (the routes cap bodies
      // themselves, and the API catch-all answers unknown paths).
      missing: [
        { type: "header", key: "content-length", value: "[1-9][0-9]*" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
