import "server-only";
import { AppError, UpstreamDeniedError, UpstreamError } from "@/lib/http/errors";

/**
 * Turns an SDK error into an AppError with a safe message. AWS error codes
 * (names) are safe to show; AWS messages are not (they can echo ARNs of other
 * principals or request details), so they stay in the server log.
 */
/** The caller is known but lacks a permission. */
const PERMISSION_DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "NotAuthorizedException"]);
/** The credentials themselves were not accepted. */
const CREDENTIALS_REJECTED = new Set([
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidAccessKeyId",
  "CredentialsProviderError",
]);
const MISSING = new Set(["NoSuchEntity", "NoSuchEntityException", "ResourceNotFoundException", "NotFoundException", "NotFound", "NoSuchBucket", "UserNotFoundException"]);

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

export type AwsErrorKind = "denied" | "credentials" | "missing" | "network" | "other";

/** The one classification of AWS errors, shared by error mapping and provisioning reads. */
export function awsErrorKind(err: unknown): AwsErrorKind {
  const code = awsErrorCode(err) ?? "UnknownError";
  if (PERMISSION_DENIED.has(code)) return "denied";
  if (CREDENTIALS_REJECTED.has(code)) return "credentials";
  if (MISSING.has(code)) return "missing";
  if (NETWORK.has(code) || isNetworkFailure(err)) return "network";
  return "other";
}

export function toUpstreamError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const code = awsErrorCode(err) ?? "UnknownError";
  const kind = awsErrorKind(err);
  if (kind === "denied" || kind === "credentials") return new UpstreamDeniedError(`AWS refused ${what} (${code}).`);
  if (kind === "network") return new UpstreamError(`Could not reach AWS for ${what} (${code}).`);
  return new UpstreamError(`AWS failed ${what} (${code}).`);
}

function isNetworkFailure(err: unknown): boolean {
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === "string" && NETWORK.has(cause.code);
}
