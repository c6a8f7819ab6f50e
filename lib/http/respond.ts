import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, MethodNotAllowedError, ValidationError, type ErrorBody, type FieldErrors } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";

/** The one place errors become HTTP responses. */
export function fromZodError(err: ZodError, where: string): ValidationError {
  const fieldErrors: FieldErrors = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : where;
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = Object.entries(fieldErrors)[0];
  const message = first ? `${first[0]}: ${first[1][0]}` : "The request is not valid.";
  return new ValidationError(message, fieldErrors);
}

export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return fromZodError(err, "body");
  return undefined;
}

export function errorResponse(err: unknown, requestId: string, context: Record<string, unknown> = {}): NextResponse<ErrorBody> {
  const known = toAppError(err);
  if (known) {
    if (known.status >= 500) log.warn("request failed upstream", { requestId, code: known.code, message: known.message, ...context });
    const body: ErrorBody = {
      error: { code: known.code, message: known.message, requestId, ...(known.fieldErrors ? { fieldErrors: known.fieldErrors } : {}), ...(known.details ? { details: known.details } : {}) },
    };
    const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": "no-store" };
    if (known instanceof MethodNotAllowedError) headers.allow = known.allow.join(", ");
    return NextResponse.json(body, { status: known.status, headers });
  }
  log.error("unhandled error", { requestId, error: err, ...context });
  return NextResponse.json<ErrorBody>(
    { error: { code: "internal", message: "Something went wrong on the server. The request id is in the server log.", requestId } },
    { status: 500, headers: { "x-request-id": requestId } },
  );
}
