import "server-only";
import { ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import { BatchGetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { readConsoleAuthSettings } from "@/lib/auth/console-settings";
import { log } from "@/lib/log/logger";
import { authorKind, authorsToResolve, cognitoEmailFilter, emailLookupQuery, nameFromAttributes, nameFromEntityRow, TtlCache, withAuthorNames } from "@/lib/jobs/authors";
import type { JobStore } from "@/lib/jobs/store";
import { environmentNames } from "@/lib/provisioning/names";

/**
 * Resolves the names of a page's distinct authors (see authors.ts for where
 * from). Bounded: per distinct author not in the cache, at most one entities
 * Query and, for an email the environment does not know, one Cognito ListUsers;
 * all entity-id authors of a page in one BatchGet; everything in parallel.
 * A lookup that fails (no entities table yet, console sign-in not set up,
 * throttling) leaves that author unnamed: a name never fails a list.
 */
const TTL_MS = 5 * 60_000;
const cache = new TtlCache<string | null>(TTL_MS, 5000);
/** Authors whose lookup just failed: not looked up again for a little while (no entities table yet, throttling). */
const RETRY_MS = 30_000;
const retryLater = new TtlCache<true>(RETRY_MS, 5000);

/** For tests: forget every cached name. */
export function forgetAuthorNames(): void {
  cache.clear();
  retryLater.clear();
}

function failed(store: JobStore, what: string, err: unknown): void {
  log.info("could not resolve run author names", { environment: store.env.name, lookup: what, error: err instanceof Error ? err.name : "unknown" });
}

const cacheKey = (store: JobStore, author: string) => `${store.env.name}\u0000${author}`;

async function entityNameByEmail(store: JobStore, table: string, email: string): Promise<string | undefined> {
  const { index, prefix } = emailLookupQuery(email);
  const out = await store.db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: "#i = :i AND begins_with(#id, :p)",
      ExpressionAttributeNames: { "#i": "index", "#id": "_id" },
      ExpressionAttributeValues: { ":i": index, ":p": prefix },
      Limit: 1,
    }),
  );
  return nameFromEntityRow(out.Items?.[0], { email });
}

async function consoleNameByEmail(email: string): Promise<string | undefined> {
  const Filter = cognitoEmailFilter(email);
  const settings = Filter ? await readConsoleAuthSettings() : undefined;
  if (!Filter || !settings) return undefined;
  const out = await homeClients().cognito.send(new ListUsersCommand({ UserPoolId: settings.userPoolId, Filter, Limit: 1 }));
  return nameFromAttributes(out.Users?.[0]?.Attributes);
}

/** The environment's user first (its own record), then the console pool; undefined (not cached) when a lookup failed. */
async function nameOfEmail(store: JobStore, table: string, email: string): Promise<{ name: string | null } | undefined> {
  let failedLookup = false;
  try {
    const name = await entityNameByEmail(store, table, email);
    if (name) return { name };
  } catch (err) {
    failed(store, "environment user", err);
    failedLookup = true;
  }
  try {
    const name = await consoleNameByEmail(email);
    if (name) return { name };
  } catch (err) {
    failed(store, "console user", err);
    failedLookup = true;
  }
  return failedLookup ? undefined : { name: null };
}

async function namesOfEntities(store: JobStore, table: string, ids: readonly string[]): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>(ids.map((id) => [id, null]));
  // A page has at most 100 runs, so at most 100 ids: one BatchGet (retrying what DynamoDB leaves unprocessed).
  let keys: Record<string, unknown>[] = ids.map((id) => ({ index: "user", _id: id }));
  for (let attempt = 0; keys.length && attempt < 3; attempt++) {
    const out = await store.db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ProjectionExpression: "#id, #n", ExpressionAttributeNames: { "#id": "_id", "#n": "name" } } } }));
    for (const row of out.Responses?.[table] ?? []) {
      const id = typeof row._id === "string" ? row._id : undefined;
      if (id) found.set(id, nameFromEntityRow(row, { id }) ?? null);
    }
    keys = out.UnprocessedKeys?.[table]?.Keys ?? [];
  }
  return found;
}

export async function authorNames(store: JobStore, authors: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const author of authorsToResolve(authors)) {
    const key = cacheKey(store, author);
    const hit = cache.get(key);
    if (hit) {
      if (hit.value !== null) names.set(author, hit.value);
    } else if (!retryLater.get(key)) missing.push(author);
  }
  if (missing.length === 0) return names;
  const table = environmentNames(store.env.name).tables.entities;
  const remember = (author: string, name: string | null) => {
    cache.set(cacheKey(store, author), name);
    if (name !== null) names.set(author, name);
  };
  const ids = missing.filter((a) => authorKind(a) === "entity");
  await Promise.all([
    ...missing
      .filter((a) => authorKind(a) === "email")
      .map(async (email) => {
        const found = await nameOfEmail(store, table, email);
        // A failed lookup is not cached as "no name": it is tried again after a short pause.
        if (found) remember(email, found.name);
        else retryLater.set(cacheKey(store, email), true);
      }),
    ids.length
      ? namesOfEntities(store, table, ids).then(
          (found) => found.forEach((name, id) => remember(id, name)),
          (err: unknown) => {
            failed(store, "entity", err);
            for (const id of ids) retryLater.set(cacheKey(store, id), true);
          },
        )
      : Promise.resolve(),
  ]);
  return names;
}

/** Runs (summaries or details) with `authorName` filled in. */
export async function namedRuns<T extends { author: string }>(store: JobStore, runs: readonly T[]): Promise<(T & { authorName: string | null })[]> {
  return withAuthorNames(runs, await authorNames(store, runs.map((r) => r.author)));
}

export async function namedRun<T extends { author: string }>(store: JobStore, run: T): Promise<T & { authorName: string | null }> {
  const [named] = await namedRuns(store, [run]);
  return named ?? { ...run, authorName: null };
}
