import type { EntityItem } from "@/lib/entities/rows";
import { entitySchema, entitySummarySchema, type Entity, type EntitySummary, type EntityType } from "@/lib/entities/schema";

/** Stored rows → API shapes. Pure. */
export const editableKeys = ["name", "about", "handle", "location", "email", "language", "slot_a", "slot_b", "slot_c", "slot_d", "slot_e"] as const;

export function toEntity(item: EntityItem): Entity {
  const view: Record<string, unknown> = {
    id: item._id,
    type: item.index,
    owner_id: item.owner_id,
    added: item.added,
    modified: item.modified,
    irn: item.irn,
    raw_id: item.raw_id,
    is_active: item.is_active === "false" ? "false" : "true",
    archived: item.archived === "true",
    version: item._version,
    name: item.name,
  };
  for (const key of [...editableKeys, "last_login"] as const) {
    const v = item[key];
    if (typeof v === "string" && v) view[key] = v;
  }
  return entitySchema.parse(view);
}

export function summaryFromLookup(row: Record<string, unknown>, type: EntityType): EntitySummary | undefined {
  const parsed = entitySummarySchema.safeParse({
    id: row.entity_id,
    type,
    name: row.name,
    ...(typeof row.email === "string" ? { email: row.email } : {}),
    ...(typeof row.handle === "string" ? { handle: row.handle } : {}),
    is_active: row.is_active === "false" ? "false" : "true",
    archived: row.archived === "true",
  });
  return parsed.success ? parsed.data : undefined;
}
