import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { audited, recordAudit } from "@/lib/audit/record";
import { principalForRequest } from "@/lib/auth/api-tokens";
import { isSecureRequest, requirePrincipal } from "@/lib/auth/request-session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { ForbiddenError, ValidationError } from "@/lib/http/errors";
import { isMutating, type Infer, type Operation } from "@/lib/http/operation";
import { isSameOriginRequest } from "@/lib/http/origin";
import { errorResponse, fromZodError } from "@/lib/http/respond";

/**
 * The wrapper every API route handler is built with. Order: authenticate,
 * check Origin on mutations, authorize the declared role (scoped to the `env`
 * path parameter), parse input, run the handler, audit mutations, map errors.
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
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, where);
  return result.data as Infer<S>;
}

async function readJson(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Symbol.for("invalid-json");
  }
}

export function route<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
>(op: Operation<P, Q, B, R>, handler: (ctx: HandlerContext<P, Q, B>) => Promise<HandlerResult<R>> | HandlerResult<R>) {
  const wrapped = async (request: NextRequest, context: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    const secure = isSecureRequest(request);
    // Static routes get no params at all.
    const rawParams = (await context.params) ?? {};
    const envParam = typeof rawParams.env === "string" ? rawParams.env : undefined;
    let principal: Principal | undefined;
    let target = envParam ?? op.path;
    let environment = envParam;
    try {
      if (op.role !== "public") principal = op.bearer ? await principalForRequest(request, secure, envParam) : await requirePrincipal(secure);
      if (isMutating(op.method) && !isSameOriginRequest(request.headers, request.url)) {
        throw new ForbiddenError("This request came from another site and was refused.");
      }
      if (principal && op.role !== "public" && op.role !== "authenticated" && !hasRole(principal, op.role, envParam)) {
        if (op.audit) await recordAudit({ actor: principal.email, action: op.audit, environment: envParam, target, requestId }, "denied", "forbidden");
        throw new ForbiddenError(`This needs the ${op.role} role${envParam ? ` for ${envParam}` : ""}.`);
      }
      // Parsing happens inside the audited block, so rejected input is on record too.
      const execute = async () => {
        const params = parse(op.params, rawParams, "params");
        const query = parse(op.query, Object.fromEntries(request.nextUrl.searchParams), "query");
        let body: unknown = undefined;
        if (op.body) {
          const json = await readJson(request);
          if (typeof json === "symbol") throw new ValidationError("The request body is not valid JSON.", { body: ["Not valid JSON."] });
          body = parse(op.body, json, "body");
        }
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
      if (result instanceof Response) return result;
      if (op.status === 204) return new NextResponse(null, { status: 204, headers: { "x-request-id": requestId } });
      return NextResponse.json(result, { status: op.status ?? 200, headers: { "x-request-id": requestId, "cache-control": "no-store" } });
    } catch (err) {
      return errorResponse(err, requestId, { operation: op.id });
    }
  };
  return Object.assign(wrapped, { operation: op });
}
