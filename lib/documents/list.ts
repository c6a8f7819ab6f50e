import "server-only";
import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { decodeDataCursor, encodeCursor } from "@/lib/documents/cursor";
import { fromItem } from "@/lib/documents/item";
import { readNewestFirst } from "@/lib/documents/newest-first";
import {
  distanceMeters,
  folderPrefix,
  GEO_INDEX,
  geoSearchPrefixes,
  isGeoPoint,
  normalizePath,
  PATH_INDEX,
  TIME_INDEX,
  timePrefix,
  type GeoPoint,
} from "@/lib/documents/keys";
import type { DocumentListQuery, DocumentPage } from "@/lib/documents/schema";
import { dataTable, type DataTable } from "@/lib/documents/table";
import { toView } from "@/lib/documents/view";
import type { DocRef } from "@/lib/documents/write";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { ValidationError } from "@/lib/http/errors";

/**
 * Document lists, each one DynamoDB Query on a local index (never a Scan):
 * newest first through time_index, a folder through path_index, near a point
 * through geo_index. A text filter is a FilterExpression on the lower-cased
 * `_search` attribute, so one page may take several reads (bounded).
 */
const MAX_READS = 10;
/** Keys read from geo_index per search, before the exact distance check. */
const MAX_GEO_CANDIDATES = 300;
/** Reads spent finding a folder's subfolders (one per subfolder found). */
const MAX_FOLDER_READS = 50;
/** Above every character a path can hold, to bound a range of path_index keys. */
const HIGHEST = "\u{10FFFF}";

type Page = { query: QueryCommandInput; prefix: string; index: typeof PATH_INDEX };

async function readPages(table: DataTable, ref: DocRef, q: DocumentListQuery, page: Page): Promise<DocumentPage> {
  let startKey = decodeDataCursor(q.cursor, page.index, ref.portfolio, page.prefix);
  const items: DocumentPage["items"] = [];
  for (let reads = 0; reads < MAX_READS && items.length < q.limit; reads++) {
    let out;
    try {
      out = await table.client.send(new QueryCommand({ ...page.query, Limit: q.limit - items.length, ExclusiveStartKey: startKey }));
    } catch (err) {
      throw toUpstreamError(err, `listing ${ref.blueprint} documents`);
    }
    for (const raw of out.Items ?? []) {
      const doc = fromItem(raw);
      if (doc) items.push(toView(doc));
    }
    startKey = out.LastEvaluatedKey as Record<string, string> | undefined;
    if (!startKey) break;
  }
  return { items, nextCursor: encodeCursor(startKey) };
}

function textFilter(q: DocumentListQuery, names: Record<string, string>, values: Record<string, unknown>): string[] {
  if (!q.q) return [];
  names["#s"] = "_search";
  values[":q"] = q.q.toLowerCase();
  return ["contains(#s, :q)"];
}

async function newestFirst(table: DataTable, ref: DocRef, q: DocumentListQuery): Promise<DocumentPage> {
  const startKey = decodeDataCursor(q.cursor, TIME_INDEX, ref.portfolio, timePrefix(ref.blueprint));
  const needle = q.q?.toLowerCase();
  try {
    const { items, lastKey } = await readNewestFirst(table, ref.portfolio, ref.blueprint, {
      limit: q.limit,
      startKey,
      ...(needle ? { match: (item) => typeof item._search === "string" && item._search.includes(needle) } : {}),
    });
    return { items: items.flatMap((raw) => { const doc = fromItem(raw); return doc ? [toView(doc)] : []; }), nextCursor: encodeCursor(lastKey) };
  } catch (err) {
    throw toUpstreamError(err, `listing ${ref.blueprint} documents`);
  }
}

function folderOf(input: string): string {
  try {
    return normalizePath(input);
  } catch {
    throw ValidationError.forField("folder", "A folder is names separated by /, without . or .. segments.");
  }
}

/** Documents at or below a folder, in path order. */
function inFolder(table: DataTable, ref: DocRef, q: DocumentListQuery, folder: string): Page {
  const prefix = folder ? `${ref.blueprint}/${folder}` : `${ref.blueprint}/`;
  const names: Record<string, string> = { "#p": "portfolio_index", "#k": PATH_INDEX };
  const values: Record<string, unknown> = { ":p": ref.portfolio, ":prefix": prefix };
  const filters = textFilter(q, names, values);
  if (folder) {
    // "a/b" must not match "a/bc": keep the folder itself and what is below it (sort keys cannot be filtered, _path can).
    names["#path"] = "_path";
    values[":folder"] = folder;
    values[":below"] = `${folder}/`;
    filters.push("(#path = :folder OR begins_with(#path, :below))");
  }
  return {
    index: PATH_INDEX,
    prefix,
    query: {
      TableName: table.name,
      IndexName: PATH_INDEX,
      KeyConditionExpression: "#p = :p AND begins_with(#k, :prefix)",
      ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A folder's immediate subfolders, found by skipping from one to the next (one read each). */
async function subfolders(table: DataTable, ref: DocRef, folder: string): Promise<string[]> {
  const prefix = folderPrefix(ref.blueprint, folder);
  const found = new Set<string>();
  let low = prefix;
  for (let reads = 0; reads < MAX_FOLDER_READS; reads++) {
    const out = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        IndexName: PATH_INDEX,
        KeyConditionExpression: "#p = :p AND #k BETWEEN :low AND :high",
        ProjectionExpression: "#k",
        ExpressionAttributeNames: { "#p": "portfolio_index", "#k": PATH_INDEX },
        ExpressionAttributeValues: { ":p": ref.portfolio, ":low": low, ":high": prefix + HIGHEST },
        Limit: 1,
      }),
    );
    const key = out.Items?.[0]?.[PATH_INDEX];
    if (typeof key !== "string") break;
    const rest = key.slice(prefix.length);
    const segment = rest.split("/")[0] ?? "";
    if (segment) found.add(folder ? `${folder}/${segment}` : segment);
    // Skip the rest of this subfolder's subtree, or past documents directly in it.
    low = rest.includes("/") ? `${prefix}${segment}/${HIGHEST}` : `${key}\u0000`;
  }
  return [...found].sort();
}

async function nearPoint(table: DataTable, ref: DocRef, q: DocumentListQuery, point: GeoPoint): Promise<DocumentPage> {
  const keys: Record<string, unknown>[] = [];
  for (const prefix of geoSearchPrefixes(ref.blueprint, point, q.radius)) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: GEO_INDEX,
          KeyConditionExpression: "#p = :p AND begins_with(#g, :prefix)",
          ExpressionAttributeNames: { "#p": "portfolio_index", "#g": GEO_INDEX },
          ExpressionAttributeValues: { ":p": ref.portfolio, ":prefix": prefix },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) keys.push({ portfolio_index: item.portfolio_index, doc_index: item.doc_index });
      startKey = out.LastEvaluatedKey;
    } while (startKey && keys.length < MAX_GEO_CANDIDATES);
  }
  const found: DocumentPage["items"] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
      const out: BatchGetCommandOutput = await table.client.send(new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending } } }));
      for (const raw of out.Responses?.[table.name] ?? []) {
        const doc = fromItem(raw);
        const location: unknown = raw._geo;
        if (!doc || !isGeoPoint(location)) continue;
        if (q.q && !(typeof raw._search === "string" && raw._search.includes(q.q.toLowerCase()))) continue;
        const distance = distanceMeters(point, location);
        if (distance <= q.radius) found.push({ ...toView(doc), distanceMeters: Math.round(distance) });
      }
      pending = out.UnprocessedKeys?.[table.name]?.Keys;
    }
  }
  found.sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0));
  return { items: found.slice(0, q.limit), nextCursor: null };
}

export async function listDocuments(env: EnvironmentRecord, ref: DocRef, q: DocumentListQuery): Promise<DocumentPage> {
  const table = dataTable(env);
  if (q.near) {
    try {
      return await nearPoint(table, ref, q, q.near);
    } catch (err) {
      throw toUpstreamError(err, `searching ${ref.blueprint} documents near a point`);
    }
  }
  if (q.folder !== undefined) {
    const folder = folderOf(q.folder);
    const page = await readPages(table, ref, q, inFolder(table, ref, q, folder));
    if (q.cursor) return page;
    try {
      return { ...page, folders: await subfolders(table, ref, folder) };
    } catch (err) {
      throw toUpstreamError(err, `listing the folders of ${ref.blueprint}`);
    }
  }
  return newestFirst(table, ref, q);
}
