import "server-only";
import { AppError, UpstreamDeniedError, UpstreamError } from "@/lib/http/errors";

/**
 * Turns an SDK error into an AppError with a safe message. AWS error codes
 * (names) are safe to show; AWS messages are not (they can echo ARNs of other
 * principals or request details), so they stay in the server log.
 */
const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "ExpiredTokenException",
  "NotAuthorizedException",
  "InvalidAccessKeyId",
  "CredentialsProviderError",
]);

const NETWORK = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN", "TimeoutError"]);

export function awsErrorCode(err: unknown): string | undefined {
  if (!err || typeof err !== "object") return undefined;
  const e = err as { name?: unknown; code?: unknown; Code?: unknown };
  if (typeof e.code === "string" && NETWORK.has(e.code)) return e.code;
  if (typeof e.name === "string" && e.name !== "Error") return e.name;
  if (typeof e.Code === "string") return e.Code;
  return undefined;
}

export function isAwsError(err: unknown, ...names: string[]): boolean {
  const code = awsErrorCode(err);
  return code !== undefined && names.includes(code);
}

export function toUpstreamError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const code = awsErrorCode(err) ?? "UnknownError";
  if (DENIED.has(code)) return new UpstreamDeniedError(`AWS refused ${what} (${code}).`);
  if (NETWORK.has(code) || isNetworkFailure(err)) return new UpstreamError(`Could not reach AWS for ${what} (${code}).`);
  return new UpstreamError(`AWS failed ${what} (${code}).`);
}

function isNetworkFailure(err: unknown): boolean {
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === "string" && NETWORK.has(cause.code);
}
