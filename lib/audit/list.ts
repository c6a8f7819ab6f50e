import "server-only";
import { createHash } from "node:crypto";
import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { toUpstreamError } from "@/lib/aws/errors";
import { ValidationError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor, ensureRegistryTable, GSI_BY_ENVIRONMENT, registryTableName } from "@/lib/registry/table";
import { auditRecordSchema, type AuditPage, type AuditQuery } from "@/lib/audit/schema";

/** Newest first, by DynamoDB Query with a cursor; never a Scan. */
export function auditQueryParams(q: AuditQuery): QueryCommandInput {
  const byEnv = Boolean(q.environment);
  const filters: string[] = [];
  const names: Record<string, string> = { "#pk": byEnv ? "gsi1pk" : "pk" };
  const values: Record<string, unknown> = { ":pk": byEnv ? `AUDIT#ENV#${q.environment}` : "AUDIT" };
  if (q.actor) {
    filters.push("#actor = :actor");
    names["#actor"] = "actor";
    values[":actor"] = q.actor;
  }
  if (q.action) {
    filters.push("begins_with(#action, :action)");
    names["#action"] = "action";
    values[":action"] = q.action;
  }
  if (q.outcome) {
    filters.push("#outcome = :outcome");
    names["#outcome"] = "outcome";
    values[":outcome"] = q.outcome;
  }
  return {
    TableName: registryTableName(),
    ...(byEnv ? { IndexName: GSI_BY_ENVIRONMENT } : {}),
    KeyConditionExpression: "#pk = :pk",
    ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: q.limit,
  };
}

/**
 * A cursor carries the filter it was made for, so a cursor pasted into
 * another filter is a 400 instead of a silently wrong page.
 */
export function filterFingerprint(q: Pick<AuditQuery, "environment" | "actor" | "action" | "outcome">): string {
  const canonical = JSON.stringify([q.environment ?? "", q.actor ?? "", q.action ?? "", q.outcome ?? ""]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 16);
}

function encodeAuditCursor(key: Record<string, unknown> | undefined, q: AuditQuery): string | null {
  const inner = encodeCursor(key);
  return inner ? Buffer.from(JSON.stringify({ k: inner, f: filterFingerprint(q) })).toString("base64url") : null;
}

function decodeAuditCursor(q: AuditQuery, keyNames: readonly string[]): Record<string, string> | undefined {
  if (!q.cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(q.cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const { k, f } = (parsed && typeof parsed === "object" ? parsed : {}) as { k?: unknown; f?: unknown };
  if (typeof k !== "string" || typeof f !== "string") {
    throw ValidationError.forField("cursor", "The cursor is not valid; start again from the first page.");
  }
  if (f !== filterFingerprint(q)) {
    throw ValidationError.forField("cursor", "This cursor belongs to another filter; start again from the first page.");
  }
  return decodeCursor(k, keyNames);
}

/** Reads per page once it has at least one record; an empty page keeps reading up to HARD_MAX_READS. */
const MAX_READS = 10;
const HARD_MAX_READS = 200;
/** Items examined per read when filters apply (DynamoDB also stops each read at 1 MB). */
const FILTERED_READ = 200;

export async function listAudit(q: AuditQuery): Promise<AuditPage> {
  await ensureRegistryTable();
  const keyNames = q.environment ? ["pk", "sk", "gsi1pk", "gsi1sk"] : ["pk", "sk"];
  const filtered = Boolean(q.actor || q.action || q.outcome);
  let startKey = decodeAuditCursor(q, keyNames);
  const items: AuditPage["items"] = [];
  let lastKey: Record<string, string> | undefined;
  // Filters apply after the read, so a page may need several reads to fill. A
  // page never comes back empty with a cursor: it reads on until it holds a
  // record or the log is exhausted (bounded by HARD_MAX_READS).
  for (let reads = 0; items.length < q.limit && (reads < MAX_READS || (items.length === 0 && reads < HARD_MAX_READS)); reads++) {
    let out;
    try {
      out = await homeClients().documents.send(
        new QueryCommand({ ...auditQueryParams(q), Limit: filtered ? FILTERED_READ : q.limit - items.length, ExclusiveStartKey: startKey }),
      );
    } catch (err) {
      throw toUpstreamError(err, "reading the audit log");
    }
    const raw = out.Items ?? [];
    let consumedAll = true;
    for (const [index, item] of raw.entries()) {
      const parsed = auditRecordSchema.safeParse(item);
      if (parsed.success) items.push(parsed.data);
      if (items.length === q.limit) {
        // The page is full mid-read: the next page starts after this record, not after the read.
        consumedAll = index === raw.length - 1;
        lastKey = Object.fromEntries(keyNames.map((name) => [name, String(item[name])]));
        break;
      }
    }
    startKey = out.LastEvaluatedKey as Record<string, string> | undefined;
    if (!consumedAll) {
      startKey = lastKey;
      break;
    }
    if (!startKey) break;
  }
  return { items, nextCursor: encodeAuditCursor(startKey, q) };
}
