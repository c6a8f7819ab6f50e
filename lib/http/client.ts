import type { ErrorBody, ErrorCode, FieldErrors } from "@/lib/http/errors";

/** The browser's API client: JSON in, JSON out, errors as ApiError with field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network";
  readonly fieldErrors: FieldErrors;
  readonly requestId?: string;
  /** Extra data for the caller, e.g. the current version on a stale save (409). */
  readonly details?: Record<string, unknown>;

  constructor(status: number, code: ErrorCode | "network", message: string, fieldErrors: FieldErrors = {}, requestId?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.requestId = requestId;
    this.details = details;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === "object" && value !== null && "error" in value && typeof (value as ErrorBody).error?.message === "string";
}

/**
 * Set by the app's providers: asks the user to sign in again (a dialog over
 * the page, so a form keeps what was typed) and resolves true once they have.
 */
type Reauthenticate = () => Promise<boolean>;
let reauthenticate: Reauthenticate | undefined;

export function onSessionExpired(handler: Reauthenticate | undefined): void {
  reauthenticate = handler;
}

type RequestInit = { method?: string; body?: unknown; signal?: AbortSignal };

/** A request that answers 401 waits for the user to sign in again, then goes once more. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  try {
    return await send<T>(path, init);
  } catch (err) {
    const sessionCall = path === "/api/session" || path.startsWith("/api/session?");
    if (!(err instanceof ApiError) || err.status !== 401 || sessionCall || !reauthenticate) throw err;
    if (!(await reauthenticate())) throw err;
    return send<T>(path, init);
  }
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      signal: init.signal,
    });
  } catch {
    throw new ApiError(0, "network", "The console server did not answer. Check that it is running.");
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(payload)) {
      const e = payload.error;
      throw new ApiError(response.status, e.code, e.message, e.fieldErrors ?? {}, e.requestId, e.details);
    }
    throw new ApiError(response.status, "internal", `The server answered ${response.status}.`);
  }
  return payload as T;
}
