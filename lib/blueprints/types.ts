import { z } from "zod";

/**
 * The stored shape of a blueprint, as the seed writes it (see blueprints/*.json).
 * Deliberately lenient where the seed is loose (`order`/`layer` as strings or
 * numbers, `default` of any JSON type, `source` possibly empty, `singleton`
 * missing on entities) and loose objects everywhere, so unknown keys survive an
 * import/export round trip. Editor rules (unique names, a select needs options
 * or a source, ...) live in the blueprint validation module, not here.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

/** A number written as a JSON number or a numeric string ("21"). */
const numberLike = z.union([z.number(), z.string()]);

export const blueprintStatusSchema = z.enum(["draft", "final"]);
export type BlueprintStatus = z.infer<typeof blueprintStatusSchema>;

export const cardinalitySchema = z.enum(["single", "multiple"]);
export type Cardinality = z.infer<typeof cardinalitySchema>;

export const blueprintFieldSchema = z.looseObject({
  name: z.string().min(1),
  label: z.string(),
  type: z.string(),
  widget: z.string(),
  layer: numberLike,
  order: numberLike,
  required: z.boolean().optional(),
  cardinality: cardinalitySchema.optional(),
  multilingual: z.boolean().optional(),
  default: jsonValueSchema.optional(),
  hint: z.string().optional(),
  semantic: z.string().optional(),
  /** `<blueprint name>:<value field>:<label field>`, or "" for none. */
  source: z.string().optional(),
  /** value → label, in display order. */
  options: z.record(z.string(), z.string()).optional(),
});
export type BlueprintField = z.infer<typeof blueprintFieldSchema>;

export const blueprintSchema = z.looseObject({
  irn: z.string().min(1),
  name: z.string().min(1),
  version: z.string().min(1),
  label: z.string(),
  status: blueprintStatusSchema,
  fields: z.array(blueprintFieldSchema),
  description: z.string().optional(),
  added: z.string().optional(),
  blueprint_origin: z.string().optional(),
  handle: z.string().optional(),
  license: z.string().optional(),
  public: z.boolean().optional(),
  singleton: z.boolean().optional(),
  uri: z.string().optional(),
  _id: z.string().optional(),
});
export type Blueprint = z.infer<typeof blueprintSchema>;

/**
 * Validates a stored or imported blueprint but hands back the input object
 * itself: zod rebuilds objects with the declared keys first, and an export must
 * keep the author's key order. Safe because the schema has no transforms, so a
 * successful parse means the input already has the Blueprint shape.
 */
export function parseBlueprint(input: unknown): { success: true; data: Blueprint } | { success: false; error: z.ZodError } {
  const result = blueprintSchema.safeParse(input);
  return result.success ? { success: true, data: input as Blueprint } : { success: false, error: result.error };
}
