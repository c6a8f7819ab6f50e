import "server-only";
import { randomUUID } from "node:crypto";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { allowedMethods } from "@/lib/http/api-paths";
import { API_SECURITY_HEADERS } from "@/lib/http/security-headers";

/**
 * Refusals answered at the HTTP server, before Next.js sees the request:
 * - methods the Fetch API cannot represent (TRACE...) make Next.js throw
 *   while it builds the Request, and the client got a 500;
 * - an /api path asked with a method no operation declares: Next.js answers
 *   an empty 405 without Allow for requests that skip proxy.ts (those with a
 *   body), so every such request is answered here, body unread;
 * - a request line or headers over Node's limit: Node's own 431 has no body,
 *   this one is the API's JSON error.
 * Installed once per process from instrumentation.ts.
 */
const STANDARD = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const INSTALLED = Symbol.for("tanktower.methodGuard");

function errorBody(code: string, message: string, requestId: string): string {
  return JSON.stringify({ error: { code, message, requestId } });
}

/** The methods allowed here when `method` is not one of them, else undefined. */
export function refusedMethod(method: string, url: string): { allow: string[] } | undefined {
  let pathname = "/";
  try {
    pathname = new URL(url, "http://localhost").pathname;
  } catch {
    // keep "/"
  }
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  if (!isApi) return STANDARD.has(method) ? undefined : { allow: ["GET", "HEAD"] };
  const allow = allowedMethods(pathname);
  // Unknown API paths are the catch-all route's JSON 404, whatever the method.
  if (!allow) return STANDARD.has(method) ? undefined : { allow: [] };
  return allow.includes(method) ? undefined : { allow };
}

export function refuseUnsupportedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  const method = (req.method ?? "").toUpperCase();
  const refused = refusedMethod(method, req.url ?? "/");
  if (!refused) return false;
  const requestId = randomUUID();
  const body = errorBody("method_not_allowed", `${method} is not supported here.`, requestId);
  res.writeHead(405, {
    ...API_SECURITY_HEADERS,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-request-id": requestId,
    ...(refused.allow.length ? { allow: refused.allow.join(", ") } : {}),
    connection: "close",
  });
  // The body (if any) is never read: the connection closes once the answer is out.
  res.end(body, () => req.socket.destroy());
  return true;
}

function answerOversizedHeaders(socket: Socket): void {
  const body = errorBody("request_too_large", "The request line or headers are too large.", randomUUID());
  const headers = [
    "HTTP/1.1 431 Request Header Fields Too Large",
    "content-type: application/json",
    `content-length: ${Buffer.byteLength(body)}`,
    "cache-control: no-store",
    ...Object.entries(API_SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`),
    "connection: close",
  ];
  socket.end(`${headers.join("\r\n")}\r\n\r\n${body}`);
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
    } else if (event === "clientError") {
      const [err, socket] = args as [NodeJS.ErrnoException, Socket];
      if (err.code === "HPE_HEADER_OVERFLOW" && socket.writable) {
        answerOversizedHeaders(socket);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
