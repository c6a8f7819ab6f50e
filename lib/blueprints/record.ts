import { isJsonObject, type JsonObject } from "@/lib/blueprints/json-text";
import { statusOf, type Status } from "@/lib/blueprints/lifecycle";
import { text } from "@/lib/blueprints/raw-fields";

/**
 * A blueprint version as an item of `<env>_blueprints`: the blueprint
 * document verbatim (so the TankTower app reads it as it always has), plus a
 * few attributes the console owns, all starting with `_` like the documents
 * table's own. The document's `_id` is content and is kept. Pure.
 */
export const STORE_ATTRIBUTES = ["_revision", "_updated_at", "_updated_by"] as const;

export type BlueprintRecord = {
  irn: string;
  version: string;
  status: Status;
  /** 0 for an item the console never wrote (step 8 and the TankTower app write none). */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  document: JsonObject;
};

export function recordFromItem(item: Record<string, unknown> | undefined): BlueprintRecord | undefined {
  if (!item || typeof item.irn !== "string" || typeof item.version !== "string") return undefined;
  const document: JsonObject = {};
  for (const [key, value] of Object.entries(item)) {
    if (!(STORE_ATTRIBUTES as readonly string[]).includes(key)) document[key] = value as JsonObject[string];
  }
  return {
    irn: item.irn,
    version: item.version,
    status: statusOf(document),
    revision: typeof item._revision === "number" ? item._revision : 0,
    updatedAt: typeof item._updated_at === "string" ? item._updated_at : null,
    updatedBy: typeof item._updated_by === "string" ? item._updated_by : null,
    document,
  };
}

export function itemFromRecord(record: BlueprintRecord): Record<string, unknown> {
  return {
    ...record.document,
    irn: record.irn,
    version: record.version,
    _revision: record.revision,
    ...(record.updatedAt ? { _updated_at: record.updatedAt } : {}),
    ...(record.updatedBy ? { _updated_by: record.updatedBy } : {}),
  };
}

export function nameOf(document: JsonObject): string {
  return text(document.name);
}

export function labelOf(document: JsonObject): string {
  return text(document.label) || nameOf(document);
}

/** A document from an API body: an object (the schema already checked it). */
export function asDocument(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}
