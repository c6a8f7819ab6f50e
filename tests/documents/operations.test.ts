import { describe, expect, it } from "vitest";
import * as ops from "@/lib/documents/operations";
import type { Operation } from "@/lib/http/operation";

describe("documents API roles", () => {
  const all = Object.values(ops) as Operation[];

  it("lets an environment's viewers read and its admins (and operators) write, auditing every write", () => {
    for (const op of all) {
      if (op.method === "GET") {
        expect(op.role, op.id).toBe("viewer");
        expect(op.audit, op.id).toBeUndefined();
      } else {
        expect(op.role, op.id).toBe("admin");
        expect(op.audit, op.id).toMatch(/^document\./);
      }
    }
    expect(all.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        "GET /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}",
        "POST /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}",
        "GET /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}/{docId}",
        "PUT /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}/{docId}",
        "DELETE /api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}/{docId}",
      ]),
    );
  });
});
