import { describe, expect, it } from "vitest";
import { openApiDocument, operations } from "@/lib/http/openapi";

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; responses: Record<string, unknown>; parameters: { name: string; in: string }[] }>> };

describe("OpenAPI document", () => {
  const doc = openApiDocument() as unknown as Doc;

  it("is OpenAPI 3.1 with every operation once", () => {
    expect(doc.openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids.sort()).toEqual(operations.map((o) => o.id).sort());
  });

  it("derives request bodies from the same zod schemas the routes use", () => {
    const body = doc.paths["/api/environments"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(body?.required).toEqual(expect.arrayContaining(["name", "region", "credentials"]));
    expect(JSON.stringify(body?.properties?.name)).toContain("^[a-z][a-z0-9-]{2,23}$");
  });

  it("documents path parameters, errors and auth responses", () => {
    const patch = doc.paths["/api/environments/{env}"]?.patch;
    expect(patch?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "env", in: "path" })]));
    expect(Object.keys(patch?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "409", "500"]));
    expect(Object.keys(doc.paths["/api/health"]?.get?.responses ?? {})).not.toContain("401");
  });

  it("declares every status the wrapper can answer, centrally", () => {
    const codes = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    expect(codes("/api/session", "post")).toEqual(expect.arrayContaining(["201", "400", "401", "403", "413", "415", "500"]));
    expect(codes("/api/session", "delete")).toEqual(expect.arrayContaining(["204", "403", "413", "500"]));
    expect(codes("/api/environments/{env}/provision", "post")).toEqual(expect.arrayContaining(["400", "401", "403", "404", "409", "413", "415", "423", "502"]));
    expect(codes("/api/audit", "get")).toEqual(expect.arrayContaining(["400", "401", "403", "413"]));
    expect(codes("/api/openapi.json", "get")).not.toContain("502");
  });

  it("gives capacity fields the bounds the server enforces", () => {
    const body = doc.paths["/api/environments"]?.post?.requestBody?.content["application/json"]?.schema;
    const capacity = JSON.stringify(body?.properties?.readCapacity);
    expect(capacity).toContain('"minimum":1');
    expect(capacity).toContain('"maximum":1000');
    expect(capacity).toContain("pattern");
  });

  it("resolves every $ref inside the document (shared and recursive parts live in components)", () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") refs.push(value);
        else walk(value);
      }
    };
    walk(doc);
    const resolve = (ref: string): unknown =>
      ref
        .slice(2)
        .split("/")
        .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), doc);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith("#/components/schemas/"))).toEqual([]);
    expect(refs.filter((ref) => resolve(ref) === undefined)).toEqual([]);
  });
});
