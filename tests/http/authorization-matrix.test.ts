import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/roles";
import { UnauthenticatedError } from "@/lib/http/errors";
import { operations } from "@/lib/http/openapi";
import type { Operation } from "@/lib/http/operation";

/**
 * The authorization matrix: every API operation against anonymous, a viewer
 * of `alpha`, an admin of `beta`, an admin of `alpha` and an operator, through
 * the real route handlers. AWS is unreachable here (every client call fails at
 * once), so an allowed call ends in some other error, never 401/403. A route
 * without a row fails the test: adding one means deciding who may call it.
 */
const session = vi.hoisted(() => ({ current: undefined as Principal | undefined }));

vi.mock("@/lib/auth/request-session", () => ({
  isSecureRequest: () => false,
  requirePrincipal: async () => {
    if (!session.current) throw new UnauthenticatedError();
    return session.current;
  },
  currentSession: async () => undefined,
  peekSession: async () => undefined,
  writeSessionCookie: () => {},
}));

vi.mock("@/lib/aws/clients", () => {
  const offline = () => Promise.reject(Object.assign(new Error("offline"), { name: "MatrixOffline" }));
  const client = new Proxy({}, { get: () => ({ send: offline, middlewareStack: { add: () => {} } }) });
  const clients = new Proxy({}, { get: () => client });
  return { homeClients: () => clients, clientsFor: () => clients, forgetClients: () => {} };
});

// The denied calls' audit writes and the allowed calls' upstream failures are expected here; keep the output readable.
vi.mock("@/lib/log/logger", () => {
  const quiet = () => {};
  return { log: { debug: quiet, info: quiet, warn: quiet, error: quiet }, redactForLog: (v: unknown) => v };
});

type Who = "anonymous" | "viewer" | "otherAdmin" | "admin" | "operator";
const WHO: Who[] = ["anonymous", "viewer", "otherAdmin", "admin", "operator"];

const principals: Record<Who, Principal | undefined> = {
  anonymous: undefined,
  viewer: { sub: "v", email: "viewer@x.test", username: "v", groups: ["env:alpha:viewers"], sessionEndsAt: Date.now() + 3_600_000 },
  otherAdmin: { sub: "o", email: "other@x.test", username: "o", groups: ["env:beta:admins"], sessionEndsAt: Date.now() + 3_600_000 },
  admin: { sub: "a", email: "admin@x.test", username: "a", groups: ["env:alpha:admins"], sessionEndsAt: Date.now() + 3_600_000 },
  operator: { sub: "p", email: "op@x.test", username: "p", groups: ["operators"], sessionEndsAt: Date.now() + 3_600_000 },
};

/** Who may call: everyone, any signed-in user, this environment's viewers (and up), its admins (and up), operators. */
type Access = "everyone" | "signed-in" | "env-viewer" | "env-admin" | "operator";
const ALLOWED: Record<Access, Who[]> = {
  everyone: WHO,
  "signed-in": ["viewer", "otherAdmin", "admin", "operator"],
  "env-viewer": ["viewer", "admin", "operator"],
  "env-admin": ["admin", "operator"],
  operator: ["operator"],
};

const MATRIX: Record<string, Access> = {
  "GET /api/health": "everyone",
  "GET /api/openapi.json": "everyone",
  "GET /api/auth/config": "everyone",
  "POST /api/session": "everyone",
  "GET /api/session": "signed-in",
  "DELETE /api/session": "everyone",
  "DELETE /api/sessions": "signed-in",
  "GET /api/environments": "signed-in",
  "POST /api/environments": "operator",
  "GET /api/environments/{env}": "env-viewer",
  "PATCH /api/environments/{env}": "operator",
  "DELETE /api/environments/{env}": "operator",
  "POST /api/environments/{env}/test-connection": "operator",
  "GET /api/audit": "operator",
  "GET /api/environments/{env}/checklist": "operator",
  "POST /api/environments/{env}/plan": "operator",
  "POST /api/environments/{env}/provision": "operator",
  "POST /api/environments/{env}/revoke-sessions": "operator",
  "GET /api/environments/{env}/zappa-settings": "operator",
  "POST /api/environments/{env}/installer": "operator",
  "POST /api/environments/{env}/reveal-secret": "operator",
  "POST /api/environments/{env}/test-email": "operator",
  "GET /api/environments/{env}/entities": "env-viewer",
  "POST /api/environments/{env}/entities": "env-admin",
  "GET /api/environments/{env}/entities/{type}/{id}": "env-viewer",
  "PATCH /api/environments/{env}/entities/{type}/{id}": "env-admin",
  "POST /api/environments/{env}/entities/{type}/{id}/archive": "env-admin",
  "POST /api/environments/{env}/teams/{id}/members": "env-admin",
  "DELETE /api/environments/{env}/teams/{id}/members": "env-admin",
  "GET /api/environments/{env}/invites": "env-viewer",
  "POST /api/environments/{env}/invites": "env-admin",
  "POST /api/environments/{env}/invites/{id}/retry": "env-admin",
  "POST /api/environments/{env}/invites/{id}/resend": "env-admin",
  "POST /api/environments/{env}/invites/{id}/revoke": "env-admin",
  "POST /api/environments/{env}/users/{id}/active": "env-admin",
  "POST /api/environments/{env}/invites/bulk": "env-admin",
  "GET /api/environments/{env}/invites/bulk": "env-viewer",
  "GET /api/environments/{env}/invites/bulk/{runId}": "env-viewer",
  "POST /api/environments/{env}/invites/bulk/{runId}/resume": "env-admin",
  "GET /api/console-users": "operator",
  "POST /api/console-users": "operator",
  "PUT /api/console-users/{username}": "operator",
  "DELETE /api/console-users/{username}": "operator",
  "GET /api/mailbox": "operator",
  "GET /api/environments/{env}/reconciliation": "env-admin",
  "POST /api/environments/{env}/reconciliation": "env-admin",
  "POST /api/environments/{env}/reconciliation/fix": "env-admin",
  "GET /api/environments/{env}/export": "env-viewer",
  // An audit record, like the log: operators.
  "GET /api/audit/{id}": "operator",
  // Documents: read by viewers, written by admins (issue 6).
  "GET /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}": "env-viewer",
  "POST /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}": "env-admin",
  "GET /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}/{docId}": "env-viewer",
  "PUT /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}/{docId}": "env-admin",
  "DELETE /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}/{docId}": "env-admin",
  "GET /api/environments/{env}/portfolios/{portfolio}/sources/{blueprint}": "env-viewer",
  "GET /api/environments/{env}/portfolios/{portfolio}/exports/{blueprint}": "env-viewer",
  "GET /api/environments/{env}/document-blueprints/{blueprint}": "env-viewer",
  // Blueprints: read by viewers (forms are built from them), designed by operators.
  "GET /api/environments/{env}/blueprints": "env-viewer",
  "POST /api/environments/{env}/blueprints": "operator",
  "POST /api/environments/{env}/blueprints/import": "operator",
  "GET /api/environments/{env}/blueprints/{irn}/versions": "env-viewer",
  "POST /api/environments/{env}/blueprints/{irn}/versions": "operator",
  "GET /api/environments/{env}/blueprints/{irn}/versions/{version}": "env-viewer",
  "PUT /api/environments/{env}/blueprints/{irn}/versions/{version}": "operator",
  "DELETE /api/environments/{env}/blueprints/{irn}/versions/{version}": "operator",
  "POST /api/environments/{env}/blueprints/{irn}/versions/{version}/publish": "operator",
  "GET /api/environments/{env}/blueprints/{irn}/versions/{version}/export": "env-viewer",
  "GET /api/environments/{env}/blueprints/{irn}/diff": "env-viewer",
  "GET /api/environments/{env}/blueprints/{irn}/versions/{version}/impact": "env-viewer",
  // Health of every environment reads AWS with the registry's credentials: operators.
  "GET /api/environment-health": "operator",
  // Jobs and runs: read by viewers, run and managed by admins; tokens are admins' own.
  "GET /api/environments/{env}/jobs": "env-viewer",
  "POST /api/environments/{env}/jobs": "env-admin",
  "PUT /api/environments/{env}/jobs/{id}": "env-admin",
  "GET /api/environments/{env}/jobs/schedule": "env-viewer",
  "GET /api/environments/{env}/runs": "env-viewer",
  "POST /api/environments/{env}/runs": "env-admin",
  "GET /api/environments/{env}/runs/{id}": "env-viewer",
  "GET /api/environments/{env}/runs/stats": "env-viewer",
  "POST /api/environments/{env}/runs/{id}/fail": "env-admin",
  "POST /api/environments/{env}/runs/rerun-failed": "env-admin",
  "GET /api/environments/{env}/runs/rerun-failed/{id}": "env-viewer",
  "POST /api/environments/{env}/runs/reindex": "env-admin",
  "GET /api/environments/{env}/tokens": "env-admin",
  "POST /api/environments/{env}/tokens": "env-admin",
  "DELETE /api/environments/{env}/tokens/{id}": "env-admin",
};

const PARAMS: Record<string, string> = {
  portfolio: "sys",
  blueprint: "schd_jobs",
  docId: "0b8e3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
  irn: "irn:blueprint:irma:schd_jobs",
  version: "0.0.1",
  env: "alpha",
  type: "team", id: "0b8e3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", runId: "00abcdefg-0123abcd", username: "0b8e3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
};

const apiRoot = path.join(process.cwd(), "app", "api");
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

type Handler = ((req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { operation: Operation };

async function handlers(): Promise<Map<string, Handler>> {
  const out = new Map<string, Handler>();
  for (const file of routeFiles(apiRoot)) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const op = (value as { operation?: Operation }).operation;
      if (op) out.set(`${op.method} ${op.path}`, value as Handler);
    }
  }
  return out;
}

async function call(handler: Handler, op: Operation): Promise<number> {
  const url = `http://console.test${op.path.replace(/\{(\w+)\}/g, (_m, name: string) => PARAMS[name] ?? "x")}`;
  const params = Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1] ?? "", PARAMS[m[1] ?? ""] ?? "x"]));
  const init = op.method === "GET" ? { method: op.method } : { method: op.method, body: "{}", headers: { origin: "http://console.test", "content-type": "application/json" } };
  const res = await handler(new NextRequest(url, init), { params: Promise.resolve(params) });
  return res.status;
}

describe("authorization matrix", () => {
  it("has exactly one row per operation", () => {
    const keys = operations.map((op) => `${op.method} ${op.path}`);
    for (const key of keys) expect(MATRIX, `add a row for ${key}`).toHaveProperty([key]);
    for (const key of Object.keys(MATRIX)) expect(keys, `${key} has a row but no operation`).toContain(key);
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))("%s", async (key, op) => {
    const access = MATRIX[key];
    expect(access, `add a row for ${key}`).toBeDefined();
    const handler = (await handlers()).get(key);
    expect(handler, `no route file serves ${key}`).toBeDefined();
    if (!handler || !access) return;
    for (const who of WHO) {
      session.current = principals[who];
      const status = await call(handler, op);
      if (ALLOWED[access].includes(who)) {
        expect([401, 403], `${who} must be let through ${key} (got ${status})`).not.toContain(status);
      } else {
        expect(status, `${who} must be refused ${key}`).toBe(who === "anonymous" ? 401 : 403);
      }
    }
  });
});
