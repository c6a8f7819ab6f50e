import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blueprintSchema, parseBlueprint } from "@/lib/blueprints/types";

const files = ["sys-entities.json", "irma-schd-jobs.json", "irma-schd-runs.json"];

describe("stored blueprint schema", () => {
  it.each(files)("accepts the seed %s and hands it back byte-for-byte", (file) => {
    const text = readFileSync(path.join(process.cwd(), "blueprints", file), "utf8");
    const parsed = parseBlueprint(JSON.parse(text));
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(`${JSON.stringify(parsed.data, null, 1)}\n`).toBe(text);
  });

  it("keeps keys it does not know, on the blueprint and on fields", () => {
    const text = readFileSync(path.join(process.cwd(), "blueprints", "irma-schd-runs.json"), "utf8");
    const raw = JSON.parse(text) as { fields: Record<string, unknown>[] };
    raw.fields[0] = { ...raw.fields[0], x_custom: { a: 1 } };
    const parsed = blueprintSchema.parse({ ...raw, extra: [1, 2] });
    expect(parsed.extra).toEqual([1, 2]);
    expect(parsed.fields[0]?.x_custom).toEqual({ a: 1 });
  });

  it("rejects a blueprint without fields or with an unknown status, naming the path", () => {
    const result = blueprintSchema.safeParse({ irn: "i", name: "n", version: "1", label: "l", status: "published" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["fields", "status"]);
  });

  it("accepts numbers for order and layer, and any JSON default", () => {
    const field = { name: "a", label: "A", type: "number", widget: "number", layer: 1, order: 2.5, default: { x: [1, null] } };
    expect(blueprintSchema.safeParse({ irn: "i", name: "n", version: "1", label: "l", status: "draft", fields: [field] }).success).toBe(true);
  });
});
