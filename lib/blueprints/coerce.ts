import type { JsonValue } from "@/lib/blueprints/types";
import type { ValueType } from "@/lib/blueprints/widgets";

/**
 * Coercion of one scalar to a field's value type: used for blueprint defaults
 * (whose type often does not match the field, e.g. the seed's `true` default on
 * a string field) and for values read back from stored documents. One rule per
 * type; `""` and `null` always mean "no value".
 *
 * - string, email, url: strings as they are; numbers in decimal; booleans as
 *   "true"/"false"; objects and arrays as their JSON text.
 * - number: numbers as they are; a string holding a finite decimal number is
 *   read as that number; anything else is no value.
 * - integer: as number, but only whole numbers.
 * - boolean: booleans as they are; "true"/"yes"/"on"/"1" and "false"/"no"/"off"/"0"
 *   (any case); numbers are true unless 0; anything else is no value.
 * - date: a `YYYY-MM-DD` string, or the date part of an ISO date-time.
 * - datetime: an ISO date-time string; a bare date means midnight of that day.
 * - json: objects and arrays as they are; a string holding JSON text of an
 *   object or array is parsed; anything else is no value.
 * - geo: an object with numeric (or numeric-string) `lat` in [-90, 90] and
 *   `lon` in [-180, 180], or a "lat,lon" string.
 */

export type GeoPoint = { lat: number; lon: number };

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

const TRUE_WORDS = new Set(["true", "yes", "on", "1"]);
const FALSE_WORDS = new Set(["false", "no", "off", "0"]);

function toNumber(value: JsonValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function toGeoPoint(value: JsonValue): GeoPoint | undefined {
  let lat: number | undefined;
  let lon: number | undefined;
  if (typeof value === "string") {
    const parts = value.split(",");
    if (parts.length !== 2) return undefined;
    lat = toNumber(parts[0] ?? "");
    lon = toNumber(parts[1] ?? "");
  } else if (value && typeof value === "object" && !Array.isArray(value)) {
    lat = value.lat === undefined ? undefined : toNumber(value.lat);
    lon = value.lon === undefined ? undefined : toNumber(value.lon);
  }
  if (lat === undefined || lon === undefined) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

function parseJsonStructure(text: string): JsonValue | undefined {
  try {
    const parsed: JsonValue = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Coerces one scalar (not a list, not a per-language map) to `valueType`; undefined means no value. */
export function coerceScalar(value: JsonValue | undefined, valueType: ValueType): JsonValue | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  switch (valueType) {
    case "string":
    case "email":
    case "url":
      if (typeof value === "string") return value;
      if (typeof value === "number") return String(value);
      if (typeof value === "boolean") return value ? "true" : "false";
      return JSON.stringify(value);
    case "number":
      return toNumber(value);
    case "integer": {
      const n = toNumber(value);
      return n !== undefined && Number.isInteger(n) ? n : undefined;
    }
    case "boolean":
      if (typeof value === "boolean") return value;
      if (typeof value === "number") return value !== 0;
      if (typeof value === "string") {
        const word = value.trim().toLowerCase();
        if (TRUE_WORDS.has(word)) return true;
        if (FALSE_WORDS.has(word)) return false;
      }
      return undefined;
    case "date":
      if (typeof value !== "string") return undefined;
      if (DATE_RE.test(value)) return value;
      return DATETIME_RE.test(value) ? value.slice(0, 10) : undefined;
    case "datetime":
      if (typeof value !== "string") return undefined;
      if (DATETIME_RE.test(value)) return value;
      return DATE_RE.test(value) ? `${value}T00:00` : undefined;
    case "json":
      if (typeof value === "object") return value;
      return typeof value === "string" ? parseJsonStructure(value) : undefined;
    case "geo":
      return toGeoPoint(value);
  }
}
