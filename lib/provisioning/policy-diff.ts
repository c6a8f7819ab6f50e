/**
 * Comparing IAM policy documents by what they grant, not by how they are
 * written: statement order, Sids, a single string versus a one-element array,
 * action case and condition key case are not drift. Used for drift checks of
 * steps 2, 4, 5b and 5c, and to highlight new permissions in a plan.
 */
import type { PolicyDocument } from "@/lib/provisioning/policy-types";

/**
 * One row per effect × action × resource × principal. Actions are lower-cased
 * (IAM matches them case-insensitively); resources keep their case. A `!`
 * prefix marks NotAction/NotResource/NotPrincipal. Empty string = absent.
 */
export type NormalizedGrant = {
  effect: string;
  action: string;
  resource: string;
  /** Stable JSON of the condition block (operators and keys sorted, values as sorted arrays), or "". */
  condition: string;
  /** `*`, `Service:lambda.amazonaws.com`, `AWS:arn:…`, or "". */
  principal: string;
};

export type PolicyComparison = { equal: boolean; added: NormalizedGrant[]; removed: NormalizedGrant[] };

export class PolicyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyFormatError";
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** IAM's Get*Policy calls return the document URL-encoded; other callers pass JSON text or an object. */
function parseDocument(doc: unknown): JsonObject {
  let value = doc;
  if (typeof doc === "string") {
    const text = doc.trim();
    try {
      value = JSON.parse(text.startsWith("{") ? text : decodeURIComponent(text));
    } catch {
      throw new PolicyFormatError("The policy document is not valid JSON.");
    }
  }
  if (!isObject(value)) throw new PolicyFormatError("The policy document is not a JSON object.");
  return value;
}

function strings(value: unknown, what: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => {
    if (typeof v === "string") return v;
    // IAM stores condition values given as booleans or numbers as strings.
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    throw new PolicyFormatError(`A statement has a ${what} that is not a string.`);
  });
}

/** The Action/NotAction (or Resource/NotResource, …) values of a statement, `!`-prefixed for the Not form. */
function pick(statement: JsonObject, field: string, what: string): string[] | undefined {
  if (statement[field] !== undefined) return strings(statement[field], what);
  if (statement[`Not${field}`] !== undefined) return strings(statement[`Not${field}`], what).map((v) => `!${v}`);
  return undefined;
}

function principals(statement: JsonObject): string[] {
  const negated = statement.NotPrincipal !== undefined;
  const value = negated ? statement.NotPrincipal : statement.Principal;
  if (value === undefined) return [""];
  const prefix = negated ? "!" : "";
  if (typeof value === "string") return [`${prefix}${value}`];
  if (!isObject(value)) throw new PolicyFormatError("A statement has a malformed Principal.");
  return Object.keys(value).flatMap((type) => strings(value[type], "principal").map((id) => `${prefix}${type}:${id}`));
}

function stableCondition(value: unknown): string {
  if (value === undefined) return "";
  if (!isObject(value)) throw new PolicyFormatError("A statement has a malformed Condition.");
  const normalized: Record<string, Record<string, string[]>> = {};
  for (const operator of Object.keys(value).sort()) {
    const block = value[operator];
    if (!isObject(block)) throw new PolicyFormatError(`The condition operator ${operator} is malformed.`);
    const keys: Record<string, string[]> = {};
    // Condition key names are case-insensitive; values are not.
    for (const key of Object.keys(block).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))) {
      keys[key.toLowerCase()] = [...new Set(strings(block[key], "condition value"))].sort();
    }
    normalized[operator] = keys;
  }
  return Object.keys(normalized).length === 0 ? "" : JSON.stringify(normalized);
}

function grantKey(g: NormalizedGrant): string {
  return JSON.stringify([g.effect, g.action, g.resource, g.principal, g.condition]);
}

/** Rows sorted and de-duplicated. Throws PolicyFormatError when the input is not a policy document. */
export function normalizePolicy(doc: unknown): NormalizedGrant[] {
  const parsed = parseDocument(doc);
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement === undefined ? [] : [parsed.Statement];
  const grants = new Map<string, NormalizedGrant>();
  for (const statement of statements) {
    if (!isObject(statement)) throw new PolicyFormatError("A statement is not a JSON object.");
    if (typeof statement.Effect !== "string") throw new PolicyFormatError("A statement has no Effect.");
    const actions = pick(statement, "Action", "action");
    if (actions === undefined) throw new PolicyFormatError("A statement has no Action.");
    const resources = pick(statement, "Resource", "resource") ?? [""];
    const condition = stableCondition(statement.Condition);
    for (const action of actions) {
      for (const resource of resources) {
        for (const principal of principals(statement)) {
          const grant = { effect: statement.Effect, action: action.toLowerCase(), resource, condition, principal };
          grants.set(grantKey(grant), grant);
        }
      }
    }
  }
  return [...grants.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

/**
 * `added`: grants in `desired` that `actual` lacks (applying adds them);
 * `removed`: grants in `actual` that `desired` lacks (applying removes them).
 */
export function comparePolicies(desired: PolicyDocument, actual: unknown): PolicyComparison {
  const want = normalizePolicy(desired);
  const have = normalizePolicy(actual);
  const haveKeys = new Set(have.map(grantKey));
  const wantKeys = new Set(want.map(grantKey));
  const added = want.filter((g) => !haveKeys.has(grantKey(g)));
  const removed = have.filter((g) => !wantKeys.has(grantKey(g)));
  return { equal: added.length === 0 && removed.length === 0, added, removed };
}

/** IAM wildcard match: `*` any run of characters, `?` one character. */
function wildcardMatches(pattern: string, value: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "s").test(value);
}

function covers(existing: NormalizedGrant, wanted: NormalizedGrant): boolean {
  if (existing.effect !== "Allow" || existing.condition !== wanted.condition || existing.principal !== wanted.principal) return false;
  const negated = [existing.action, existing.resource, wanted.action, wanted.resource].some((v) => v.startsWith("!"));
  if (negated) return existing.action === wanted.action && existing.resource === wanted.resource;
  return wildcardMatches(existing.action, wanted.action) && wildcardMatches(existing.resource, wanted.resource);
}

/**
 * Allow grants the desired policy adds that the actual one did not already
 * give, even through a wildcard (`dynamodb:*` covers `dynamodb:query`).
 * Everything the desired policy allows when there is no actual policy.
 */
export function newlyGranted(desired: PolicyDocument, actual: unknown | undefined): NormalizedGrant[] {
  const allows = normalizePolicy(desired).filter((g) => g.effect === "Allow");
  if (actual === undefined) return allows;
  const existing = normalizePolicy(actual);
  return allows.filter((wanted) => !existing.some((g) => covers(g, wanted)));
}

function describePart(value: string, every: string): string {
  return value.startsWith("!") ? `${every} except ${value.slice(1)}` : value;
}

/** One readable line, e.g. `Allow dynamodb:query on arn:aws:dynamodb:…:table/dev_data`. */
export function describeGrant(g: NormalizedGrant): string {
  const parts = [`${g.effect} ${describePart(g.action, "any action")}`];
  if (g.resource !== "") parts.push(`on ${describePart(g.resource, "any resource")}`);
  if (g.principal !== "") parts.push(`for ${describePart(g.principal, "anyone")}`);
  if (g.condition !== "") parts.push(`when ${g.condition}`);
  return parts.join(" ");
}

/** `+ ` lines for what applying adds, `- ` lines for what it removes. */
export function renderDiff(result: PolicyComparison): string[] {
  return [...result.added.map((g) => `+ ${describeGrant(g)}`), ...result.removed.map((g) => `- ${describeGrant(g)}`)];
}
