/**
 * Keys of documents in `<env>_data` (docs/data-model.md), built in one place so
 * the document store, jobs and any later reader agree. Pure and isomorphic.
 *
 *   portfolio_index  portfolio id (system documents in `sys`)
 *   doc_index        <blueprint name>#<doc id>
 *   time_index (LSI) <blueprint name>#<ISO-8601 UTC>#<doc id>   projects path_index
 *   path_index (LSI) <blueprint name>/<path>                    projects all; only documents with a path
 *   geo_index  (LSI) <blueprint name>#<geohash>                 keys only; only documents with a location
 */
import ngeohash from "ngeohash";

export const SYSTEM_PORTFOLIO = "sys";

/** Index names, as step 3 creates them (lib/provisioning/tables.ts). */
export const TIME_INDEX = "time_index";
export const PATH_INDEX = "path_index";
export const GEO_INDEX = "geo_index";

/** The table's own key attributes, and the key attributes a cursor on each index may carry. */
export const TABLE_KEY_ATTRIBUTES = ["portfolio_index", "doc_index"] as const;
export const INDEX_KEY_ATTRIBUTES = {
  [TIME_INDEX]: ["portfolio_index", "doc_index", "time_index"],
  [PATH_INDEX]: ["portfolio_index", "doc_index", "path_index"],
  [GEO_INDEX]: ["portfolio_index", "doc_index", "geo_index"],
} as const;

/** Stored geohashes are this long (about 5 m); searches use a shorter prefix. */
export const GEOHASH_PRECISION = 9;

/** Blueprint names and portfolio ids never contain the separators the keys use. */
export const KEY_PART_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

function part(value: string, what: string): string {
  if (!KEY_PART_PATTERN.test(value)) throw new Error(`${what} ${JSON.stringify(value)} cannot be part of a document key`);
  return value;
}

export function docIndex(blueprint: string, docId: string): string {
  return `${part(blueprint, "blueprint name")}#${part(docId, "document id")}`;
}

export function parseDocIndex(value: string): { blueprint: string; docId: string } | undefined {
  const at = value.indexOf("#");
  if (at <= 0 || at === value.length - 1) return undefined;
  return { blueprint: value.slice(0, at), docId: value.slice(at + 1) };
}

/** ISO-8601 UTC with milliseconds, so keys sort by time as strings. */
export function isoUtc(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new Error(`not a time: ${String(at)}`);
  return date.toISOString();
}

export function timeIndex(blueprint: string, at: Date | string, docId: string): string {
  return `${part(blueprint, "blueprint name")}#${isoUtc(at)}#${part(docId, "document id")}`;
}

/** Every time_index value of one blueprint starts with this. */
export function timePrefix(blueprint: string): string {
  return `${part(blueprint, "blueprint name")}#`;
}

/**
 * A folder path in one canonical form: segments joined by "/", no leading,
 * trailing or repeated slash. Returns "" for the root. Throws on a segment
 * that is "." or "..", or that holds a control character.
 */
export function normalizePath(path: string): string {
  const segments = path.split("/").map((s) => s.trim()).filter((s) => s.length > 0);
  for (const s of segments) {
    if (s === "." || s === ".." || /[\u0000-\u001f\u007f]/.test(s)) throw new Error(`invalid path segment ${JSON.stringify(s)}`);
  }
  return segments.join("/");
}

export function pathIndex(blueprint: string, path: string): string {
  const normalized = normalizePath(path);
  if (!normalized) throw new Error("a document's path_index needs a non-empty path");
  return `${part(blueprint, "blueprint name")}/${normalized}`;
}

/** Prefix of the path_index values of documents at or below a folder ("" is every document with a path). */
export function folderPrefix(blueprint: string, folder: string): string {
  const normalized = normalizePath(folder);
  return `${part(blueprint, "blueprint name")}/${normalized ? `${normalized}/` : ""}`;
}

/** The path back from a path_index value of a known blueprint. */
export function pathFromIndex(blueprint: string, value: string): string | undefined {
  const prefix = `${blueprint}/`;
  return value.startsWith(prefix) ? value.slice(prefix.length) : undefined;
}

/** As the form model stores a geo value (lib/blueprints/coerce.ts). */
export type GeoPoint = { lat: number; lon: number };

export function isGeoPoint(value: unknown): value is GeoPoint {
  if (!value || typeof value !== "object") return false;
  const { lat, lon } = value as Record<string, unknown>;
  return typeof lat === "number" && typeof lon === "number" && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

export function geohashOf(point: GeoPoint, precision = GEOHASH_PRECISION): string {
  return ngeohash.encode(point.lat, point.lon, precision);
}

export function geoIndex(blueprint: string, point: GeoPoint): string {
  return `${part(blueprint, "blueprint name")}#${geohashOf(point)}`;
}

/**
 * The smaller side of a geohash cell at each precision (1..9), in metres, at
 * the equator. A cell is never smaller than this elsewhere in latitude, so a
 * circle of radius r around a point lies within the point's cell and its eight
 * neighbours when the cell's smaller side is at least r.
 */
const CELL_MIN_SIDE_M = [5_000_000, 625_000, 156_000, 19_500, 4_890, 610, 153, 19.1, 4.77];

export function precisionForRadius(radiusMeters: number): number {
  let precision = 1;
  for (let p = 1; p <= CELL_MIN_SIDE_M.length; p++) {
    const side = CELL_MIN_SIDE_M[p - 1] ?? 0;
    if (side >= radiusMeters) precision = p;
  }
  return precision;
}

/**
 * The geo_index prefixes to query for documents within a radius of a point:
 * the point's cell at the chosen precision and its neighbours. Near the poles
 * and the antimeridian neighbours may repeat; they are returned once each.
 */
export function geoSearchPrefixes(blueprint: string, point: GeoPoint, radiusMeters: number): string[] {
  const center = geohashOf(point, precisionForRadius(radiusMeters));
  const cells = [center, ...ngeohash.neighbors(center)];
  return [...new Set(cells)].map((cell) => `${part(blueprint, "blueprint name")}#${cell}`);
}

/** Great-circle distance in metres (haversine), for the exact radius check after the prefix query. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
