import { z } from "zod";
import { MAX_REVISION } from "@/lib/http/revision";
import { envNameSchema } from "@/lib/environments/schema";

/**
 * The blueprint API's shapes, shared by the routes, the editor's queries and
 * the OpenAPI document. A blueprint document itself is any JSON object here:
 * its rules (and their field-by-field messages) are lib/blueprints/validate.ts,
 * which a zod schema could not express as clearly. Isomorphic.
 */
export const blueprintDocumentSchema = z.record(z.string(), z.json());
export type BlueprintDocument = z.infer<typeof blueprintDocumentSchema>;

export const envBlueprintParamsSchema = z.object({ env: envNameSchema });
export const irnParamsSchema = z.object({
  env: envNameSchema,
  irn: z.string().min(1).max(200).regex(/^irn:blueprint:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/, "irn must look like irn:blueprint:<handle>:<name>."),
});
export const versionParamsSchema = irnParamsSchema.extend({ version: z.string().min(1).max(64) });

export const statusSchema = z.enum(["draft", "final"]);
export const bumpSchema = z.enum(["major", "minor", "patch"]);

export const issueSchema = z.object({ path: z.string(), message: z.string(), severity: z.enum(["error", "warning"]) });

export const blueprintSummarySchema = z.object({
  irn: z.string(),
  name: z.string(),
  label: z.string(),
  latestVersion: z.string(),
  status: statusSchema,
  versions: z.number().int(),
  /** The open draft's version, if any. */
  draftVersion: z.string().nullable(),
  /** Field names of the latest version (for sources in the editor). */
  fieldNames: z.array(z.string()),
  /** Documents of this blueprint; null until the documents domain reports it. */
  documents: z.number().int().nullable(),
});
export type BlueprintSummary = z.infer<typeof blueprintSummarySchema>;
export const blueprintListSchema = z.object({ items: z.array(blueprintSummarySchema) });

export const versionSummarySchema = z.object({
  version: z.string(),
  status: statusSchema,
  label: z.string(),
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export const versionListSchema = z.object({ irn: z.string(), items: z.array(versionSummarySchema) });

export const storedBlueprintSchema = versionSummarySchema.extend({
  irn: z.string(),
  document: blueprintDocumentSchema,
  /** Warnings of the stored document (errors would have blocked the save). */
  issues: z.array(issueSchema),
});
export type StoredBlueprint = z.infer<typeof storedBlueprintSchema>;

export const createBlueprintSchema = z.object({
  document: blueprintDocumentSchema,
  /** Keep what the document says as it is (a repeated order is then a warning). */
  verbatim: z.boolean().default(false),
});
export type CreateBlueprintInput = z.infer<typeof createBlueprintSchema>;

export const importBlueprintSchema = z.object({
  /** The JSON text as pasted or read from a file; syntax errors come back with line and column. */
  text: z.string().min(1, "Paste or choose a blueprint JSON file.").max(1_000_000, "The text is larger than any blueprint can be."),
  verbatim: z.boolean().default(true),
});

export const startVersionSchema = z.object({
  from: z.string().min(1),
  bump: bumpSchema,
  /** The new version's content; the base version's when omitted. */
  document: blueprintDocumentSchema.optional(),
});
export type StartVersionInput = z.infer<typeof startVersionSchema>;

export const updateDraftSchema = z.object({
  document: blueprintDocumentSchema,
  /** The revision the editor loaded; a save over a newer one answers 409. */
  revision: z.number().int().min(0).max(MAX_REVISION),
});
export type UpdateDraftInput = z.infer<typeof updateDraftSchema>;

export const revisionBodySchema = z.object({ revision: z.number().int().min(0).max(MAX_REVISION) });
export const revisionQuerySchema = z.object({ revision: z.coerce.number().int().min(0).max(MAX_REVISION) });

export const diffQuerySchema = z.object({ from: z.string().min(1), to: z.string().min(1) });

const jsonValue = z.json();
export const fieldChangeSchema = z.object({
  kind: z.string(),
  field: z.string(),
  from: z.string().optional(),
  property: z.string().optional(),
  before: jsonValue.optional(),
  after: jsonValue.optional(),
  breaking: z.boolean(),
  summary: z.string(),
});
export const blueprintDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  metadata: z.array(z.object({ property: z.string(), before: jsonValue.optional(), after: jsonValue.optional() })),
  fields: z.array(fieldChangeSchema),
});

export const impactQuerySchema = z.object({
  /** The version the documents were written with; defaults to the latest final version before this one. */
  against: z.string().min(1).optional(),
  portfolio: z.string().min(1).max(64).default("sys"),
});
export const impactSchema = z.object({
  version: z.string(),
  against: z.string().nullable(),
  portfolio: z.string(),
  total: z.number().int(),
  failing: z.number().int(),
  partial: z.boolean(),
  fields: z.array(
    z.object({
      field: z.string(),
      documents: z.number().int(),
      reasons: z.array(z.object({ message: z.string(), documents: z.number().int() })),
      examples: z.array(z.string()),
      changes: z.array(z.string()),
    }),
  ),
  diff: blueprintDiffSchema.nullable(),
});
export type ImpactView = z.infer<typeof impactSchema>;
