import { z } from "zod";
import { MAX_REVISION } from "@/lib/http/revision";
import { ENTITY_TYPES, SEARCH_FIELDS } from "@/lib/entities/constants";

/**
 * Entities of a TankTower environment (`<env>_entities`), as the API shows
 * them. Isomorphic: the same schemas validate forms and requests.
 */
export { ENTITY_TYPES, SEARCH_FIELDS };
export const entityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof entityTypeSchema>;

/** Types that have members (teams, orgs, portfolios). */
export const GROUP_TYPES = ["org", "team", "portfolio"] as const;
export const groupTypeSchema = z.enum(GROUP_TYPES);

export const MEMBER_ROLES = ["member", "admin", "owner"] as const;
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Fields the console fills; a client may not set them. */
export const CONSOLE_OWNED_FIELDS = ["owner_id", "added", "modified", "irn", "raw_id"] as const;

// A regex check (z.email's own), not a pipe into z.email(), so the OpenAPI input schema carries the pattern too.
export const emailSchema = z.string().trim().toLowerCase().max(254).regex(z.regexes.email, "Enter a valid email address.");
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{1,38}$/, "2 to 39 characters: letters, digits, '.', '_' or '-', starting with a letter or digit.");

const text = (max: number) => z.string().trim().max(max);

/** The blueprint's editable fields (irn:blueprint:sys:entities), all strings as the blueprint declares them. */
export const editableEntityFields = {
  name: text(200).min(1, "Enter a name."),
  about: text(2000).optional(),
  handle: z.union([handleSchema, z.literal("")]).optional(),
  location: text(200).optional(),
  email: z.union([emailSchema, z.literal("")]).optional(),
  language: text(16).optional(),
  slot_a: text(500).optional(),
  slot_b: text(500).optional(),
  slot_c: text(500).optional(),
  slot_d: text(500).optional(),
  slot_e: text(500).optional(),
};

export const entityCreateSchema = z.object({ type: entityTypeSchema, ...editableEntityFields }).superRefine((v, ctx) => {
  if (v.type === "user" && !v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "A user needs an email address." });
});
export type EntityCreate = z.infer<typeof entityCreateSchema>;

export const entityUpdateSchema = z.object({
  ...editableEntityFields,
  name: editableEntityFields.name.optional(),
  /** The version read; a stale one answers 409. */
  version: z.number().int().min(1).max(MAX_REVISION),
});
export type EntityUpdate = z.infer<typeof entityUpdateSchema>;

export const entitySchema = z.object({
  id: z.string(),
  type: entityTypeSchema,
  name: z.string(),
  about: z.string().optional(),
  handle: z.string().optional(),
  location: z.string().optional(),
  email: z.string().optional(),
  language: z.string().optional(),
  slot_a: z.string().optional(),
  slot_b: z.string().optional(),
  slot_c: z.string().optional(),
  slot_d: z.string().optional(),
  slot_e: z.string().optional(),
  owner_id: z.string(),
  added: z.string(),
  modified: z.string(),
  irn: z.string(),
  raw_id: z.string(),
  is_active: z.enum(["true", "false"]),
  archived: z.boolean(),
  last_login: z.string().optional(),
  version: z.number().int(),
});
export type Entity = z.infer<typeof entitySchema>;

export const searchFieldSchema = z.enum(SEARCH_FIELDS);
export type SearchField = z.infer<typeof searchFieldSchema>;

export const entityListQuerySchema = z.object({
  type: entityTypeSchema.default("user"),
  /** Prefix, case-insensitive, on the `by` field. */
  q: z.string().trim().max(200).optional(),
  by: searchFieldSchema.default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type EntityListQuery = z.infer<typeof entityListQuerySchema>;

export const entitySummarySchema = z.object({
  id: z.string(),
  type: entityTypeSchema,
  name: z.string(),
  email: z.string().optional(),
  handle: z.string().optional(),
  is_active: z.enum(["true", "false"]),
  archived: z.boolean(),
});
export type EntitySummary = z.infer<typeof entitySummarySchema>;

export const entityPageSchema = z.object({ items: z.array(entitySummarySchema), cursor: z.string().nullable() });
export type EntityPage = z.infer<typeof entityPageSchema>;

export const entityParamsSchema = z.object({
  env: z.string().regex(/^[a-z][a-z0-9-]{2,23}$/),
  type: entityTypeSchema,
  id: z.uuid(),
});

export const membershipSchema = z.object({
  /** The other side of the relation: one of this entity's members, or a group this entity belongs to. */
  id: z.string(),
  type: entityTypeSchema,
  name: z.string(),
  email: z.string().optional(),
  role: memberRoleSchema,
  /** `member`: the other side is a member of this entity; `group`: this entity is a member of the other side. */
  direction: z.enum(["member", "group"]),
});
export type Membership = z.infer<typeof membershipSchema>;

export const entityDetailSchema = z.object({ entity: entitySchema, memberships: z.array(membershipSchema) });
export type EntityDetail = z.infer<typeof entityDetailSchema>;
