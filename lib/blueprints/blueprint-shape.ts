import type { Blueprint } from "@/lib/blueprints/types";

/**
 * The stored blueprint shape checked in plain TypeScript, for the browser:
 * list, document and display pages read blueprints the server has already
 * validated and only need to know one is renderable, and zod in their
 * first-load JavaScript would cost about 30 kB gzip. It accepts exactly what
 * `blueprintSchema` (lib/blueprints/types.ts, the server's and the import's
 * check) accepts; tests/blueprints/blueprint-shape.test.ts holds the two to
 * the same answers. Like `parseBlueprint`, it hands back the input itself, so
 * unknown keys and key order survive.
 */

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isString: Check = (value) => typeof value === "string";
const isNonEmptyString: Check = (value) => typeof value === "string" && value.length > 0;
const isBoolean: Check = (value) => typeof value === "boolean";
// zod's z.number() refuses NaN and ±Infinity.
const isNumber: Check = (value) => typeof value === "number" && Number.isFinite(value);
const isNumberLike: Check = (value) => isNumber(value) || isString(value);
const oneOf = (...allowed: string[]): Check => (value) => typeof value === "string" && allowed.includes(value);

export function isJsonValue(value: unknown): boolean {
  if (value === null || isString(value) || isNumber(value) || isBoolean(value)) return true;
  if (Array.isArray(value)) return value.every(isJsonValue);
  return isObject(value) && Object.values(value).every(isJsonValue);
}

const isStringRecord: Check = (value) => isObject(value) && Object.values(value).every(isString);

/** Present keys must pass; `undefined` counts as absent, as with zod's optional(). */
function matches(value: Record<string, unknown>, required: Record<string, Check>, optional: Record<string, Check>): boolean {
  for (const [key, check] of Object.entries(required)) if (!check(value[key])) return false;
  for (const [key, check] of Object.entries(optional)) if (value[key] !== undefined && !check(value[key])) return false;
  return true;
}

const FIELD_REQUIRED: Record<string, Check> = { name: isNonEmptyString, label: isString, type: isString, widget: isString, layer: isNumberLike, order: isNumberLike };
const FIELD_OPTIONAL: Record<string, Check> = {
  required: isBoolean,
  cardinality: oneOf("single", "multiple"),
  multilingual: isBoolean,
  default: isJsonValue,
  hint: isString,
  semantic: isString,
  source: isString,
  options: isStringRecord,
};

const isField: Check = (value) => isObject(value) && matches(value, FIELD_REQUIRED, FIELD_OPTIONAL);

const BLUEPRINT_REQUIRED: Record<string, Check> = {
  irn: isNonEmptyString,
  name: isNonEmptyString,
  version: isNonEmptyString,
  label: isString,
  status: oneOf("draft", "final"),
  fields: (value) => Array.isArray(value) && value.every(isField),
};
const BLUEPRINT_OPTIONAL: Record<string, Check> = {
  description: isString,
  added: isString,
  blueprint_origin: isString,
  handle: isString,
  license: isString,
  public: isBoolean,
  singleton: isBoolean,
  uri: isString,
  _id: isString,
};

/** The input as a Blueprint when it has the stored shape, else null. */
export function readBlueprint(input: unknown): Blueprint | null {
  // The checks above are the Blueprint type, key by key, so a passing input is one.
  return isObject(input) && matches(input, BLUEPRINT_REQUIRED, BLUEPRINT_OPTIONAL) ? (input as Blueprint) : null;
}
