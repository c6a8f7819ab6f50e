import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operations } from "@/lib/http/openapi";
import type { Operation } from "@/lib/http/operation";

/**
 * Every API route file must build each handler with route(<operation>), so no
 * handler exists without a declared role, and every operation must have its
 * route file. Statically, so a new file cannot slip through untested.
 */
const apiRoot = path.join(process.cwd(), "app", "api");

/** The catch-all that answers JSON 404 for unknown /api paths (app/api/[...path]) serves no operation. */
const CATCH_ALL = path.join(apiRoot, "[...path]");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (full === CATCH_ALL) return [];
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

function apiPathOf(file: string): string {
  const rel = path.relative(path.join(process.cwd(), "app"), path.dirname(file));
  return `/${rel.split(path.sep).map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
}

const files = routeFiles(apiRoot);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

describe("API route files", () => {
  it("exist", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))("%s declares a role for every handler", async (_rel, file) => {
    const source = readFileSync(file, "utf8");
    expect(source, "handlers are built with route(), never declared as functions").not.toMatch(
      /export\s+(async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)/,
    );
    const mod = (await import(file)) as Record<string, unknown>;
    const handlers = Object.keys(mod).filter((name) => METHODS.includes(name));
    expect(handlers.length).toBeGreaterThan(0);
    for (const method of handlers) {
      const op = (mod[method] as { operation?: Operation }).operation;
      expect(op, `${method} ${apiPathOf(file)} must be built with route(<operation>, handler)`).toBeDefined();
      expect(op?.method).toBe(method);
      expect(op?.path).toBe(apiPathOf(file));
      expect(["public", "authenticated", "viewer", "admin", "operator"]).toContain(op?.role);
      expect(operations, `${op?.id} must be registered in lib/http/openapi.ts`).toContain(op);
    }
  });

  it("has a route file for every registered operation", () => {
    const served = new Set(files.map(apiPathOf));
    for (const op of operations) expect(served, `${op.method} ${op.path}`).toContain(op.path);
  });

  it("keeps public operations to the ones that must be public", () => {
    const publicOps = operations.filter((o) => o.role === "public").map((o) => `${o.method} ${o.path}`).sort();
    expect(publicOps).toEqual(["DELETE /api/session", "GET /api/auth/config", "GET /api/health", "GET /api/openapi.json", "POST /api/session"]);
  });

  it("audits every mutating operation that needs a role", () => {
    for (const op of operations) {
      if (op.method !== "GET" && op.role !== "public") expect(op.audit, `${op.method} ${op.path}`).toBeTruthy();
    }
  });

  it("answers unknown API paths with a JSON 404 for every method", async () => {
    const mod = (await import(path.join(CATCH_ALL, "route.ts"))) as Record<string, () => Response>;
    for (const method of METHODS) {
      const res = mod[method]?.();
      expect(res?.status, method).toBe(404);
      expect(await res?.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
