import { describe, expect, it } from "vitest";
import { readBlueprint } from "@/lib/blueprints/blueprint-shape";
import { benchBlueprint, kitchenSinkBlueprint, payloadBlueprint } from "@/lib/blueprints/samples";
import { blueprintSchema } from "@/lib/blueprints/types";
import { copy, seed, SEED_FILES } from "./seed-files";

/** The browser's plain check and the server's zod schema must give the same answer on every input. */
function agree(input: unknown): boolean {
  const zod = blueprintSchema.safeParse(input).success;
  expect(readBlueprint(input) !== null).toBe(zod);
  return zod;
}

const base = () => copy(seed("irma-schd-runs.json")) as Record<string, unknown> & { fields: Record<string, unknown>[] };

/** One change to a valid blueprint each: [description, change]. */
const blueprintChanges: [string, (b: Record<string, unknown>) => void][] = [
  ["no irn", (b) => delete b.irn],
  ["empty irn", (b) => (b.irn = "")],
  ["empty name", (b) => (b.name = "")],
  ["numeric version", (b) => (b.version = 1)],
  ["empty version", (b) => (b.version = "")],
  ["label missing", (b) => delete b.label],
  ["unknown status", (b) => (b.status = "published")],
  ["fields not a list", (b) => (b.fields = {})],
  ["fields missing", (b) => delete b.fields],
  ["description a number", (b) => (b.description = 3)],
  ["public a string", (b) => (b.public = "yes")],
  ["singleton a boolean", (b) => (b.singleton = true)],
  ["singleton undefined", (b) => (b.singleton = undefined)],
  ["unknown key", (b) => (b.x_extra = { deep: [1, "a", null] })],
  ["_id a number", (b) => (b._id = 5)],
  ["empty field list", (b) => (b.fields = [])],
];

const fieldChanges: [string, (f: Record<string, unknown>) => void][] = [
  ["field not an object", (f) => Object.keys(f).forEach((k) => delete f[k])],
  ["empty name", (f) => (f.name = "")],
  ["label a number", (f) => (f.label = 1)],
  ["no type", (f) => delete f.type],
  ["no widget", (f) => delete f.widget],
  ["order a number", (f) => (f.order = 2.5)],
  ["order a boolean", (f) => (f.order = true)],
  ["order NaN", (f) => (f.order = Number.NaN)],
  ["layer null", (f) => (f.layer = null)],
  ["required a string", (f) => (f.required = "true")],
  ["cardinality unknown", (f) => (f.cardinality = "many")],
  ["cardinality multiple", (f) => (f.cardinality = "multiple")],
  ["multilingual a string", (f) => (f.multilingual = "no")],
  ["default an object", (f) => (f.default = { a: [1, { b: null }] })],
  ["default undefined", (f) => (f.default = undefined)],
  ["default Infinity", (f) => (f.default = Number.POSITIVE_INFINITY)],
  ["default a function", (f) => (f.default = () => 1)],
  ["hint null", (f) => (f.hint = null)],
  ["source a number", (f) => (f.source = 1)],
  ["options of strings", (f) => (f.options = { a: "A", b: "B" })],
  ["options with a number", (f) => (f.options = { a: 1 })],
  ["options a list", (f) => (f.options = ["a"])],
  ["unknown field key", (f) => (f.x_custom = true)],
];

describe("the browser's blueprint shape check", () => {
  it.each(SEED_FILES)("accepts the seed %s and hands back the same object", (file) => {
    const raw = seed(file);
    expect(agree(raw)).toBe(true);
    expect(readBlueprint(raw)).toBe(raw);
  });

  it("accepts the generated samples", () => {
    for (const sample of [kitchenSinkBlueprint(), payloadBlueprint(), benchBlueprint(30)]) expect(agree(sample)).toBe(true);
  });

  it.each(blueprintChanges)("agrees with the zod schema on a blueprint with %s", (_, change) => {
    const b = base();
    change(b);
    agree(b);
  });

  it.each(fieldChanges)("agrees with the zod schema on a field with %s", (_, change) => {
    const b = base();
    const field = b.fields[0];
    if (!field) throw new Error("seed without fields");
    change(field);
    agree(b);
  });

  it.each([null, undefined, "blueprint", 3, [], [base()]])("refuses %j as zod does", (input) => {
    expect(agree(input)).toBe(false);
  });

  it("refuses the mutations zod refuses (so the list above tests both answers)", () => {
    const answers = blueprintChanges.map(([, change]) => {
      const b = base();
      change(b);
      return blueprintSchema.safeParse(b).success;
    });
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });
});
