import { z } from "zod";
import { MAX_REVISION } from "@/lib/http/revision";
import { envNameSchema } from "@/lib/environments/schema";
import { KEY_PART_PATTERN } from "@/lib/documents/keys";

/** Document API shapes, shared by routes, OpenAPI and the documents pages. Isomorphic. */
const keyPart = (what: string) => z.string().regex(KEY_PART_PATTERN, `${what} uses letters, digits, _ . - (at most 128).`);

export const docsParamsSchema = z.object({ env: envNameSchema, portfolio: keyPart("The portfolio"), blueprint: keyPart("The blueprint name") });
export const docParamsSchema = docsParamsSchema.extend({ docId: keyPart("The document id") });

export const documentSchema = z.object({
  id: z.string(),
  portfolio: z.string(),
  blueprint: z.string(),
  blueprintIrn: z.string(),
  blueprintVersion: z.string(),
  path: z.string().describe("Folder path, \"\" when none"),
  revision: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  values: z.record(z.string(), z.unknown()),
});
export type DocumentView = z.infer<typeof documentSchema>;

const pathSchema = z.string().max(512, "Keep the path under 512 characters.").optional();

export const documentCreateSchema = z.object({
  values: z.record(z.string(), z.unknown(), { error: "values must be an object of field values." }),
  path: pathSchema,
});
export type DocumentCreate = z.infer<typeof documentCreateSchema>;

export const documentUpdateSchema = documentCreateSchema.extend({
  revision: z.number({ error: "revision is required (the revision you edited)." }).int().min(0).max(MAX_REVISION),
});
export type DocumentUpdate = z.infer<typeof documentUpdateSchema>;

export const documentDeleteQuerySchema = z.object({
  revision: z.coerce.number().int().min(0).max(MAX_REVISION).optional().describe("Refuse with 409 if the document changed since this revision"),
});

const point = z
  .string()
  .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, "Use latitude,longitude such as 48.85,2.29.")
  .transform((s) => {
    const [lat, lon] = s.split(",").map(Number);
    return { lat: lat ?? 0, lon: lon ?? 0 };
  })
  .refine((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180, "Latitude is within ±90 and longitude within ±180.");

export const documentListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe("Text filter (case-insensitive, any value)"),
  folder: z.string().max(512).optional().describe("Browse a folder through path_index (\"/\" is the root)"),
  near: point.optional().describe("latitude,longitude: documents near this point through geo_index"),
  radius: z.coerce.number().min(1).max(5_000_000).default(1_000).describe("Metres around `near`"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

export const documentPageSchema = z.object({
  items: z.array(documentSchema.extend({ distanceMeters: z.number().optional() })),
  nextCursor: z.string().nullable(),
  /** When browsing a folder: its immediate subfolders (full paths). */
  folders: z.array(z.string()).optional(),
});
export type DocumentPage = z.infer<typeof documentPageSchema>;

export const sourceParamsSchema = docsParamsSchema;
export const sourceQuerySchema = z.object({
  value: z.string().min(1).max(128).describe("The source's value field, e.g. _id"),
  label: z.string().min(1).max(128).describe("The source's label field, e.g. name"),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2048).optional(),
});
export type SourceQuery = z.infer<typeof sourceQuerySchema>;

export const sourcePageSchema = z.object({
  items: z.array(z.object({ value: z.string(), label: z.string() })),
  nextCursor: z.string().nullable(),
});
export type SourcePage = z.infer<typeof sourcePageSchema>;

export const exportQuerySchema = z.object({ format: z.enum(["json", "jsonld"]).default("json") });

export const documentBlueprintParamsSchema = z.object({ env: envNameSchema, blueprint: keyPart("The blueprint name") });
export const documentBlueprintQuerySchema = z.object({
  irn: z.string().max(256).optional().describe("With version: the version a stored document names"),
  version: z.string().max(64).optional(),
});
export const documentBlueprintSchema = z.object({
  irn: z.string(),
  version: z.string(),
  status: z.string(),
  blueprint: z.record(z.string(), z.unknown()).describe("The blueprint document, verbatim"),
  languages: z.array(z.string()).describe("The environment's languages for multilingual fields"),
});
export type DocumentBlueprint = z.infer<typeof documentBlueprintSchema>;
