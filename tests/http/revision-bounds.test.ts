import { describe, expect, it } from "vitest";
import { z } from "zod";
import { operations } from "@/lib/http/openapi";
import { MAX_REVISION } from "@/lib/http/revision";

/**
 * Every revision or version a client sends back is saved as its successor:
 * 2^53 − 1 would make that successor unsafe (the fuzz run's 502 on a job save).
 */
const FIELDS = ["revision", "version"];

function inputs() {
  const found: { op: string; field: string; schema: z.ZodObject }[] = [];
  for (const op of operations) {
    for (const schema of [op.body, op.query]) {
      if (!(schema instanceof z.ZodObject)) continue;
      for (const field of FIELDS) {
        const inner = schema.shape[field];
        if (!inner) continue;
        const accepts = (value: unknown) => !schema.safeParse({ [field]: value }).error?.issues.some((i) => i.path[0] === field);
        if (accepts(1) && !accepts("x")) found.push({ op: op.id, field, schema });
      }
    }
  }
  return found;
}

describe("revisions sent back", () => {
  const all = inputs();

  it("are found on the operations that take them", () => {
    expect(all.map((f) => f.op)).toEqual(expect.arrayContaining(["updateJob", "updateEnvironment", "updateEntity", "updateDocument"]));
  });

  it("stop one below the largest safe integer, naming the field", () => {
    for (const { op, field, schema } of all) {
      const issues = (value: number) => schema.safeParse({ [field]: value }).error?.issues.filter((i) => i.path[0] === field) ?? [];
      expect(issues(MAX_REVISION), `${op} ${field}`).toEqual([]);
      expect(issues(Number.MAX_SAFE_INTEGER).length, `${op} ${field}`).toBeGreaterThan(0);
    }
  });
});
