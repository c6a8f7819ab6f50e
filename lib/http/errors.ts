/**
 * The one error hierarchy. Every error the API returns is an AppError with a
 * stable machine-readable code and a message that is safe to show; anything
 * else becomes a generic 500 in lib/http/respond.ts, with the cause logged
 * server-side only. Isomorphic: the browser client rebuilds these shapes.
 */
export type FieldErrors = Record<string, string[]>;

export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "request_too_large"
  | "locked"
  | "upstream_unavailable"
  | "upstream_denied"
  | "not_configured"
  | "internal";

export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** Extra safe data a client needs to act on the error (e.g. the current version on a stale save). */
  details?: Record<string, unknown>;

  constructor(status: number, code: ErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super(400, "invalid_input", message, fieldErrors);
  }

  static forField(field: string, message: string): ValidationError {
    return new ValidationError(`${field}: ${message}`, { [field]: [message] });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(401, "unauthenticated", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this action.") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, "not_found", message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super(409, "conflict", message, fieldErrors);
  }
}

/** The path exists but not with this method; `allow` lists the methods it has. */
export class MethodNotAllowedError extends AppError {
  readonly allow: string[];
  constructor(allow: string[]) {
    super(405, "method_not_allowed", `This path answers ${allow.join(", ")} only.`);
    this.allow = allow;
  }
}

/** The request body is larger than the operation accepts. */
export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, "payload_too_large", `The request body is larger than this operation accepts (${limitBytes} bytes).`);
  }
}

/** Request bodies are JSON only. */
export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(415, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
}

export class LockedError extends AppError {
  constructor(message: string) {
    super(423, "locked", message);
  }
}

/** AWS could not be reached or failed; the message names the service, never the raw error. */
export class UpstreamError extends AppError {
  constructor(message: string) {
    super(502, "upstream_unavailable", message);
  }
}

/** AWS refused the console's credentials or permissions for an operation. */
export class UpstreamDeniedError extends AppError {
  constructor(message: string) {
    super(502, "upstream_denied", message);
  }
}

/** The console itself is not set up yet (for example, no console user pool). */
export class NotConfiguredError extends AppError {
  constructor(message: string) {
    super(503, "not_configured", message);
  }
}

/** The JSON body every error response carries. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; fieldErrors?: FieldErrors; requestId?: string; details?: Record<string, unknown> };
};
