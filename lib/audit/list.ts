import "server-only";
import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { toUpstreamError } from "@/lib/aws/errors";
import { decodeCursor, encodeCursor, ensureRegistryTable, GSI_BY_ENVIRONMENT, registryTableName } from "@/lib/registry/table";
import { auditRecordSchema, type AuditPage, type AuditQuery } from "@/lib/audit/schema";

const MAX_READS = 10;

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

export async function listAudit(q: AuditQuery): Promise<AuditPage> {
  await ensureRegistryTable();
  const keyNames = q.environment ? ["pk", "sk", "gsi1pk", "gsi1sk"] : ["pk", "sk"];
  let startKey = decodeCursor(q.cursor, keyNames);
  const items: AuditPage["items"] = [];
  // Filters apply after the read, so one page may need several reads to fill.
  for (let reads = 0; reads < MAX_READS && items.length < q.limit; reads++) {
    let out;
    try {
      out = await homeClients().documents.send(
        new QueryCommand({ ...auditQueryParams(q), Limit: q.limit - items.length, ExclusiveStartKey: startKey }),
      );
    } catch (err) {
      throw toUpstreamError(err, "reading the audit log");
    }
    for (const raw of out.Items ?? []) {
      const parsed = auditRecordSchema.safeParse(raw);
      if (parsed.success) items.push(parsed.data);
    }
    startKey = out.LastEvaluatedKey as Record<string, string> | undefined;
    if (!startKey) break;
  }
  return { items, nextCursor: encodeCursor(startKey) };
}
