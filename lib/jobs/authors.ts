import { lookupId, searchIndex } from "@/lib/entities/rows";

/**
 * A run's author shown by name. The run stores its author key as written (the
 * caller's email for console and API-token runs, whatever the app wrote: per the
 * blueprint the id of the entity that triggered it, or "scheduler"); filters use
 * that key. The name is resolved when runs are read (author-names.ts) from:
 *   - the environment's own users (`<env>_entities`): for an email, its lookup
 *     row `search#user` / `email#<email>#<id>` (one Query), which carries the
 *     name; for an entity id, the entity itself (one BatchGet for a page's ids);
 *   - else, for an email, the console pool's user with that email (Cognito
 *     ListUsers with a filter), by its `name` (or given and family names).
 * Unknown authors keep their key (authorName null). Pure.
 */
export type AuthorKind = "email" | "entity" | "none";

const EMAIL = /^[^\s@"\\]+@[^\s@"\\]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function authorKind(author: string): AuthorKind {
  if (author.length <= 254 && EMAIL.test(author)) return "email";
  if (UUID.test(author)) return "entity";
  return "none";
}

/** The distinct authors worth a lookup, in first-seen order. */
export function authorsToResolve(authors: readonly string[]): string[] {
  return [...new Set(authors)].filter((a) => authorKind(a) !== "none");
}

/** The entities-table Query that finds a user's lookup row by email (the row carries the name). */
export function emailLookupQuery(email: string): { index: string; prefix: string } {
  // lookupId(field, value, id) = `email#<lower-cased email>#<id>`: everything before the id.
  const prefix = lookupId("email", email, "");
  return { index: searchIndex("user"), prefix };
}

function text(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** The name on a lookup row or an entity, when it really belongs to this email (or id). */
export function nameFromEntityRow(row: Record<string, unknown> | undefined, match: { email: string } | { id: string }): string | undefined {
  if (!row) return undefined;
  if ("email" in match && text(row.email)?.toLowerCase() !== match.email.toLowerCase()) return undefined;
  if ("id" in match && row._id !== match.id) return undefined;
  return text(row.name);
}

/** The Cognito ListUsers filter for one email; undefined when the email cannot be quoted safely. */
export function cognitoEmailFilter(email: string): string | undefined {
  return authorKind(email) === "email" ? `email = "${email}"` : undefined;
}

/** A console-pool user's display name: `name`, else given and family names. */
export function nameFromAttributes(attributes: readonly { Name?: string; Value?: string }[] | undefined): string | undefined {
  const get = (n: string) => text(attributes?.find((a) => a.Name === n)?.Value);
  const name = get("name");
  if (name) return name;
  const parts = [get("given_name"), get("family_name")].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join(" ") : undefined;
}

/** Each run with its author's name (null when none is known), the key kept as `author`. */
export function withAuthorNames<T extends { author: string }>(runs: readonly T[], names: ReadonlyMap<string, string>): (T & { authorName: string | null })[] {
  return runs.map((r) => ({ ...r, authorName: names.get(r.author) ?? null }));
}

/**
 * A small time-bounded cache (names change rarely; a rename shows within the TTL).
 * Misses are cached too, so a page of unknown authors is not looked up on every read.
 * Oldest entries go first when full.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock() - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: entry.value };
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.clock() });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
