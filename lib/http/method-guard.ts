import "server-only";
import { randomUUID } from "node:crypto";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { allowedMethods } from "@/lib/http/api-paths";
import { API_SECURITY_HEADERS } from "@/lib/http/security-headers";

/**
 * Methods the Fetch API cannot even represent (TRACE, TRACK, CONNECT) make
 * Next.js throw while it builds the Request, before proxy.ts or any route
 * runs, and the client gets a 500. This answers them (and any method outside
 * the standard set) with a 405 at the HTTP server, before Next.js sees them.
 * Installed once per process from instrumentation.ts.
 */
const STANDARD = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const INSTALLED = Symbol.for("tanktower.methodGuard");

export function refuseUnsupportedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  const method = (req.method ?? "").toUpperCase();
  if (STANDARD.has(method)) return false;
  let pathname = "/";
  try {
    pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    // keep "/"
  }
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const allow = (isApi ? allowedMethods(pathname) : ["GET", "HEAD"]) ?? [];
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code: "method_not_allowed", message: `${method} is not supported.`, requestId } });
  res.writeHead(405, {
    ...API_SECURITY_HEADERS,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-request-id": requestId,
    ...(allow.length ? { allow: allow.join(", ") } : {}),
    connection: "close",
  });
  res.end(body);
  req.resume();
  return true;
}

export function installMethodGuard(): void {
  const proto = Server.prototype as Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (refuseUnsupportedMethod(req, res)) return true;
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
