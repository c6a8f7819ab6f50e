import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { audited, recordAudit } from "@/lib/audit/record";
import { principalForRequest } from "@/lib/auth/api-tokens";
import { currentSession, isSecureRequest } from "@/lib/auth/request-session";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { assertDeclaredLengthWithin, readJsonBody } from "@/lib/http/body";
import { ForbiddenError, UnauthenticatedError } from "@/lib/http/errors";
import { isMutating, maxBodyBytesOf, type Infer, type Operation } from "@/lib/http/operation";
import { isSameOriginRequest } from "@/lib/http/origin";
import { errorResponse, fromZodError } from "@/lib/http/respond";
import { API_SECURITY_HEADERS, HSTS } from "@/lib/http/security-headers";
import { assertWellFormedText } from "@/lib/http/well-formed";
import { log } from "@/lib/log/logger";

/**
 * The wrapper every API route handler is built with. Order: refuse an
 * oversized declared body, check Origin on mutations (refusals audited),
 * authenticate (server-side session record), authorize the declared role
 * (scoped to the `env` path parameter), parse input (JSON bodies only, capped
 * while streaming), run the handler, audit mutations, map errors.
 */
type AnyObject = z.ZodObject<z.ZodRawShape>;

export type HandlerContext<P, Q, B> = {
  /** Undefined only for public operations. */
  principal: Principal;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  request: NextRequest;
  requestId: string;
  secure: boolean;
  /** Names the audited target/environment when only the handler knows them (e.g. a created resource). */
  audit: (about: { target?: string; environment?: string }) => void;
};

type HandlerResult<R> = R extends z.ZodType ? z.input<R> | Response : void | Response;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  assertWellFormedText(value, where);
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, where);
  return result.data as Infer<S>;
}

/** A refused cross-site request is on record, with the actor when the request carried an open session. */
async function refuseCrossSite(op: Operation, request: NextRequest, requestId: string, environment: string | undefined): Promise<never> {
  let actor = "anonymous";
  try {
    actor = (await currentSession(request))?.email ?? "anonymous";
  } catch (err) {
    log.warn("session lookup for a refused request failed", { requestId, error: err });
  }
  await recordAudit({ actor, action: op.audit ?? op.id, environment, target: environment ?? op.path, requestId }, "denied", "cross_site");
  throw new ForbiddenError("This request came from another site and was refused.");
}

function withHeaders<T extends Response>(response: T, requestId: string, secure: boolean): T {
  response.headers.set("x-request-id", requestId);
  // Requests with a body skip proxy.ts, so HSTS is set here too.
  if (secure) response.headers.set("strict-transport-security", HSTS);
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}

export function route<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
>(op: Operation<P, Q, B, R>, handler: (ctx: HandlerContext<P, Q, B>) => Promise<HandlerResult<R>> | HandlerResult<R>) {
  const maxBytes = maxBodyBytesOf(op);
  const wrapped = async (request: NextRequest, context: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    const secure = isSecureRequest(request);
    // Static routes get no params at all.
    const rawParams = (await context.params) ?? {};
    const envParam = typeof rawParams.env === "string" ? rawParams.env : undefined;
    let principal: Principal | undefined;
    // Only a refused session clears the cookie (not, say, bad tokens sent to sign in).
    let sessionRefused = false;
    let target = envParam ?? op.path;
    let environment = envParam;
    try {
      // Before anything else, so an oversized body costs nothing (not even a session lookup).
      assertDeclaredLengthWithin(request.headers, maxBytes);
      if (isMutating(op.method) && !isSameOriginRequest(request.headers, request.url)) {
        await refuseCrossSite(op, request, requestId, envParam);
      }
      if (op.role !== "public") {
        // Operations that opt in (`bearer`) also accept a personal API token instead of the session cookie.
        principal = await principalForRequest(request, secure, op.bearer ? envParam : undefined, op.bearer === true).catch((err: unknown) => {
          sessionRefused = err instanceof UnauthenticatedError;
          throw err;
        });
      }
      if (principal && op.role !== "public" && op.role !== "authenticated" && !hasRole(principal, op.role, envParam)) {
        if (op.audit) await recordAudit({ actor: principal.email, action: op.audit, environment: envParam, target, requestId }, "denied", "forbidden");
        throw new ForbiddenError(`This needs the ${op.role} role${envParam ? ` for ${envParam}` : ""}.`);
      }
      // Parsing happens inside the audited block, so rejected input is on record too.
      const execute = async () => {
        const params = parse(op.params, rawParams, "params");
        const query = parse(op.query, Object.fromEntries(request.nextUrl.searchParams), "query");
        const body = op.body ? parse(op.body, await readJsonBody(request, maxBytes), "body") : undefined;
        const ctx = {
          principal, params, query, body, request, requestId, secure,
          audit: (about: { target?: string; environment?: string }) => {
            target = about.target ?? target;
            environment = about.environment ?? environment;
          },
        } as HandlerContext<P, Q, B>;
        return handler(ctx);
      };
      const actor = principal?.email;
      const action = op.audit;
      const result =
        // A streaming handler audits the outcome itself, when the stream ends.
        action && actor && !op.streaming ? await audited(() => ({ actor, action, environment, target, requestId }), execute) : await execute();
      if (result instanceof Response) return withHeaders(result, requestId, secure);
      if (op.status === 204) return withHeaders(new NextResponse(null, { status: 204 }), requestId, secure);
      return withHeaders(NextResponse.json(result, { status: op.status ?? 200, headers: { "cache-control": "no-store" } }), requestId, secure);
    } catch (err) {
      const response = withHeaders(errorResponse(err, requestId, { operation: op.id }), requestId, secure);
      // A session that ended (or cannot be refreshed) should not be offered again.
      if (sessionRefused && request.cookies.has(SESSION_COOKIE)) response.cookies.delete(SESSION_COOKIE);
      return response;
    }
  };
  return Object.assign(wrapped, { operation: op });
}
