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
  /** Also accepts `Authorization: Bearer <personal API token>` (scoped to the `env` path parameter). */
  bearer?: boolean;
};

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
