import "server-only";
import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput } from "@aws-sdk/lib-dynamodb";
import { TIME_INDEX, timePrefix } from "@/lib/documents/keys";
import type { DataTable } from "@/lib/documents/table";

/**
 * One blueprint's documents newest first: a Query on time_index for the keys
 * (it projects only path_index), then BatchGetItem for the items, then an
 * optional predicate. Fetching explicitly, rather than letting the local index
 * fetch unprojected attributes, lets a text filter see every attribute and
 * lets a page stop at any item: the cursor is that item's index key, so no
 * match is skipped however many a read returns. Reads are bounded.
 */
type Key = Record<string, string>;
export type NewestFirstOptions = {
  limit: number;
  startKey?: Key;
  match?: (item: Record<string, unknown>) => boolean;
  /** Attributes to fetch (default: all). */
  attributes?: string[];
  maxReads?: number;
};

const CHUNK = 50;

/** Items by key (BatchGetItem, unprocessed keys retried), by doc_index. */
export async function fetchItems(table: DataTable, keys: Key[], attributes?: string[]): Promise<Map<string, Record<string, unknown>>> {
  const byDoc = new Map<string, Record<string, unknown>>();
  const names = attributes ? Object.fromEntries([...new Set(["doc_index", ...attributes])].map((a, i) => [`#a${i}`, a])) : undefined;
  let pending: Record<string, unknown>[] | undefined = keys.map((k) => ({ portfolio_index: k.portfolio_index, doc_index: k.doc_index }));
  for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
    const out: BatchGetCommandOutput = await table.client.send(
      new BatchGetCommand({
        RequestItems: {
          [table.name]: { Keys: pending, ...(names ? { ProjectionExpression: Object.keys(names).join(", "), ExpressionAttributeNames: names } : {}) },
        },
      }),
    );
    for (const item of out.Responses?.[table.name] ?? []) if (typeof item.doc_index === "string") byDoc.set(item.doc_index, item);
    pending = out.UnprocessedKeys?.[table.name]?.Keys;
  }
  return byDoc;
}

export async function readNewestFirst(
  table: DataTable,
  portfolio: string,
  blueprint: string,
  options: NewestFirstOptions,
): Promise<{ items: Record<string, unknown>[]; lastKey: Key | undefined }> {
  const items: Record<string, unknown>[] = [];
  let startKey = options.startKey;
  for (let reads = 0; reads < (options.maxReads ?? 10) && items.length < options.limit; reads++) {
    const out = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        IndexName: TIME_INDEX,
        KeyConditionExpression: "#p = :p AND begins_with(#t, :prefix)",
        ProjectionExpression: "#p, #d, #t",
        ExpressionAttributeNames: { "#p": "portfolio_index", "#d": "doc_index", "#t": TIME_INDEX },
        ExpressionAttributeValues: { ":p": portfolio, ":prefix": timePrefix(blueprint) },
        ScanIndexForward: false,
        Limit: options.match ? CHUNK : options.limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    const keys = (out.Items ?? []) as Key[];
    const fetched = keys.length ? await fetchItems(table, keys, options.attributes) : new Map<string, Record<string, unknown>>();
    for (const [i, key] of keys.entries()) {
      const item = key.doc_index === undefined ? undefined : fetched.get(key.doc_index);
      // An item deleted between the two reads is simply not listed.
      if (item && (!options.match || options.match(item))) items.push(item);
      if (items.length >= options.limit) {
        const last = i === keys.length - 1;
        return { items, lastKey: last ? (out.LastEvaluatedKey as Key | undefined) : { portfolio_index: key.portfolio_index ?? portfolio, doc_index: key.doc_index ?? "", time_index: key.time_index ?? "" } };
      }
    }
    startKey = out.LastEvaluatedKey as Key | undefined;
    if (!startKey) break;
  }
  return { items, lastKey: startKey };
}
