import { randomUUID } from "node:crypto";
import { MethodNotAllowedError, NotFoundError } from "@/lib/http/errors";
import { API_SECURITY_HEADERS } from "@/lib/http/security-headers";

/** Error responses the proxy and the API catch-all give outside any operation (same body shape as respond.ts). */
function errorJson(err: NotFoundError | MethodNotAllowedError, extra: Record<string, string> = {}): Response {
  const requestId = randomUUID();
  return Response.json(
    { error: { code: err.code, message: err.message, requestId } },
    { status: err.status, headers: { ...API_SECURITY_HEADERS, "cache-control": "no-store", "x-request-id": requestId, ...extra } },
  );
}

export function notFoundResponse(): Response {
  return errorJson(new NotFoundError("There is no such API path. The API is described at /api/openapi.json."));
}

export function methodNotAllowedResponse(allow: string[]): Response {
  return errorJson(new MethodNotAllowedError(allow), { allow: allow.join(", ") });
}
