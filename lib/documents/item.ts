/**
 * A document as stored in `<env>_data`. The blueprint's field values are
 * top-level attributes (the TankTower app reads them so, and a `source` such as
 * `schd_jobs:_id:name` names them directly); everything the console adds is a
 * key attribute or starts with `_`, so it can never collide with a field
 * (blueprint field names cannot start with `_`). Pure and isomorphic.
 */
import {
  docIndex,
  geoIndex,
  normalizePath,
  parseDocIndex,
  pathFromIndex,
  pathIndex,
  timeIndex,
  type GeoPoint,
} from "@/lib/documents/keys";

export type DocumentMeta = {
  portfolio: string;
  blueprint: string;
  /** The blueprint record the values were validated against. */
  blueprintIrn: string;
  blueprintVersion: string;
  id: string;
  /** Folder path ("" when none). */
  path: string;
  /** Incremented by every save; a save names the revision it edited. */
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
};

export type StoredDocument = DocumentMeta & { values: Record<string, unknown> };

/** Attributes the console owns; never a blueprint field. */
export const SYSTEM_ATTRIBUTES = [
  "portfolio_index",
  "doc_index",
  "time_index",
  "path_index",
  "geo_index",
  "_geo",
  "_id",
  "_blueprint",
  "_blueprint_version",
  "_path",
  "_revision",
  "_search",
  "_created_at",
  "_created_by",
  "_updated_at",
  "_updated_by",
] as const;

const SYSTEM = new Set<string>(SYSTEM_ATTRIBUTES);

export function isSystemAttribute(name: string): boolean {
  return SYSTEM.has(name) || name.startsWith("_");
}

/** Lower-cased text of every string value (multilingual and repeated values included), for the list filter. */
export function searchText(values: Record<string, unknown>, id: string): string {
  const parts: string[] = [id];
  const visit = (v: unknown): void => {
    if (typeof v === "string") parts.push(v);
    else if (typeof v === "number") parts.push(String(v));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  Object.values(values).forEach(visit);
  // Bounded so a large document cannot double its item size with its own index text.
  return parts.join(" ").toLowerCase().slice(0, 4_000);
}

export function toItem(doc: StoredDocument, location?: GeoPoint): Record<string, unknown> {
  const path = normalizePath(doc.path);
  return {
    ...doc.values,
    portfolio_index: doc.portfolio,
    doc_index: docIndex(doc.blueprint, doc.id),
    time_index: timeIndex(doc.blueprint, doc.createdAt, doc.id),
    ...(path ? { path_index: pathIndex(doc.blueprint, path), _path: path } : {}),
    // The point itself too: geo_index keeps only a geohash, and a search checks the exact distance.
    ...(location ? { geo_index: geoIndex(doc.blueprint, location), _geo: { lat: location.lat, lon: location.lon } } : {}),
    _id: doc.id,
    _blueprint: doc.blueprintIrn,
    _blueprint_version: doc.blueprintVersion,
    _revision: doc.revision,
    _search: searchText(doc.values, doc.id),
    _created_at: doc.createdAt,
    _created_by: doc.createdBy,
    _updated_at: doc.updatedAt,
    _updated_by: doc.updatedBy,
  };
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Reads an item back; undefined when it is not a document the console can read. */
export function fromItem(item: Record<string, unknown> | undefined): StoredDocument | undefined {
  if (!item) return undefined;
  const key = parseDocIndex(str(item.doc_index));
  if (!key || typeof item.portfolio_index !== "string") return undefined;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!isSystemAttribute(name)) values[name] = value;
  const path = typeof item.path_index === "string" ? (pathFromIndex(key.blueprint, item.path_index) ?? "") : str(item._path);
  return {
    portfolio: item.portfolio_index,
    blueprint: key.blueprint,
    blueprintIrn: str(item._blueprint),
    blueprintVersion: str(item._blueprint_version),
    id: key.docId,
    path,
    revision: typeof item._revision === "number" ? item._revision : 0,
    createdAt: str(item._created_at),
    createdBy: str(item._created_by),
    updatedAt: str(item._updated_at),
    updatedBy: str(item._updated_by),
    values,
  };
}
