import "server-only";
import { BatchGetCommand, type BatchGetCommandOutput } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import type { FormModel } from "@/lib/blueprints/form-model";
import { decodeDataCursor, encodeCursor } from "@/lib/documents/cursor";
import { docIndex, KEY_PART_PATTERN, TIME_INDEX, timePrefix } from "@/lib/documents/keys";
import { fetchItems, readNewestFirst } from "@/lib/documents/newest-first";
import type { SourcePage, SourceQuery } from "@/lib/documents/schema";
import type { DataTable } from "@/lib/documents/table";
import { sourceValues } from "@/lib/documents/validate";
import { ValidationError, type FieldErrors } from "@/lib/http/errors";

/** Reads spent looking for a source value that is not a document id. */
const MAX_LOOKUP_READS = 20;

/** A source value or label as text: a per-language map shows its first language. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(asText).join(", ");
  if (value && typeof value === "object") return asText(Object.values(value)[0]);
  return "";
}

function fieldValue(item: Record<string, unknown>, field: string): unknown {
  return field === "_id" ? item._id ?? (typeof item.doc_index === "string" ? item.doc_index.split("#")[1] : undefined) : item[field];
}

/** Options of a source-backed select: documents of one blueprint, newest first, filtered by text, with a cursor. */
export async function searchSource(table: DataTable, portfolio: string, blueprint: string, q: SourceQuery): Promise<SourcePage> {
  const startKey = decodeDataCursor(q.cursor, TIME_INDEX, portfolio, timePrefix(blueprint));
  const needle = q.q?.toLowerCase();
  try {
    // A form showing a stored value asks for it by its exact id: one GetItem instead of a search.
    if (q.value === "_id" && q.q && !q.cursor && KEY_PART_PATTERN.test(q.q)) {
      const exact = (await fetchItems(table, [{ portfolio_index: portfolio, doc_index: docIndex(blueprint, q.q) }], ["_id", q.value, q.label])).values().next().value;
      if (exact) return { items: [{ value: q.q, label: asText(exact[q.label]) || q.q }], nextCursor: null };
    }
    const { items, lastKey } = await readNewestFirst(table, portfolio, blueprint, {
      limit: q.limit,
      startKey,
      attributes: ["_id", "_search", q.value, q.label],
      ...(needle ? { match: (item) => typeof item._search === "string" && item._search.includes(needle) } : {}),
    });
    const options = items.flatMap((item) => {
      const value = asText(fieldValue(item, q.value));
      return value ? [{ value, label: asText(item[q.label]) || value }] : [];
    });
    return { items: options, nextCursor: encodeCursor(lastKey) };
  } catch (err) {
    throw toUpstreamError(err, `searching ${blueprint} documents`);
  }
}

async function existingIds(table: DataTable, portfolio: string, blueprint: string, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const valid = ids.filter((id) => KEY_PART_PATTERN.test(id));
  for (let i = 0; i < valid.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = valid.slice(i, i + 100).map((id) => ({ portfolio_index: portfolio, doc_index: docIndex(blueprint, id) }));
    for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
      const out: BatchGetCommandOutput = await table.client.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: keys, ProjectionExpression: "doc_index" } } }),
      );
      for (const item of out.Responses?.[table.name] ?? []) {
        if (typeof item.doc_index === "string") found.add(item.doc_index.slice(blueprint.length + 1));
      }
      keys = out.UnprocessedKeys?.[table.name]?.Keys;
    }
  }
  return found;
}

async function existsByField(table: DataTable, portfolio: string, blueprint: string, field: string, value: string): Promise<boolean> {
  const { items } = await readNewestFirst(table, portfolio, blueprint, {
    limit: 1,
    attributes: [field],
    match: (item) => asText(item[field]) === value,
    maxReads: MAX_LOOKUP_READS,
  });
  return items.length > 0;
}

/** Every value of a source-backed field must be a document of the source blueprint (in the same portfolio). */
export async function checkSourceValues(table: DataTable, portfolio: string, model: FormModel, values: Record<string, unknown>): Promise<void> {
  const fieldErrors: FieldErrors = {};
  try {
    for (const field of model.fields) {
      if (!field.source) continue;
      const wanted = sourceValues(field, values[field.name]);
      if (!wanted.length) continue;
      const { blueprint, valueField } = field.source;
      let missing: string[];
      if (valueField === "_id") {
        const found = await existingIds(table, portfolio, blueprint, wanted);
        missing = wanted.filter((v) => !found.has(v));
      } else {
        missing = [];
        for (const v of wanted) if (!(await existsByField(table, portfolio, blueprint, valueField, v))) missing.push(v);
      }
      if (missing.length) fieldErrors[field.name] = missing.map((v) => `No ${blueprint} document has ${valueField} ${JSON.stringify(v)}.`);
    }
  } catch (err) {
    throw toUpstreamError(err, "checking source values");
  }
  const names = Object.keys(fieldErrors);
  if (names.length) throw new ValidationError(`Some values do not name an existing document: ${names.join(", ")}.`, fieldErrors);
}
