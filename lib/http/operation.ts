import type { z } from "zod";
import type { RouteRole } from "@/lib/auth/roles";

/**
 * One API operation, declared once: the route handler is built from it
 * (lib/http/route.ts) and the OpenAPI document is generated from it
 * (lib/http/openapi.ts), so the two cannot disagree. Isomorphic: no server code.
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type AnyObject = z.ZodObject<z.ZodRawShape>;

export type Operation<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  id: string;
  method: HttpMethod;
  /** OpenAPI-style path, e.g. /api/environments/{env}. */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it. Environment-scoped roles are checked against the `env` path parameter. */
  role: RouteRole;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  /** Success status; 204 means no body. */
  status?: 200 | 201 | 202 | 204;
  /** Audit action name for mutating operations, e.g. "environment.update". */
  audit?: string;
  /** The response is a stream (NDJSON) rather than one JSON document. */
  streaming?: boolean;
  /**
   * The largest request body accepted, in bytes (default DEFAULT_MAX_BODY_BYTES).
   * Raise it only where an import or a CSV needs it; larger bodies answer 413
   * before they are read.
   */
  maxBodyBytes?: number;
  /** Error statuses the handler itself can answer beyond those derived from role, params and body (OpenAPI). */
  errorStatuses?: readonly number[];
  /** Also accepts `Authorization: Bearer <personal API token>` (scoped to the `env` path parameter). */
  bearer?: boolean;
};

/** 64 KiB: far above any form of this console, far below what would hurt a server. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export function maxBodyBytesOf(op: Pick<Operation, "maxBodyBytes">): number {
  return op.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
}

export function defineOperation<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(op: Operation<P, Q, B, R>): Operation<P, Q, B, R> {
  return op;
}

export type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export function isMutating(method: HttpMethod): boolean {
  return method !== "GET";
}
