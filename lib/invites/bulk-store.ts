import "server-only";
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { toUpstreamError } from "@/lib/aws/errors";
import { NotFoundError } from "@/lib/http/errors";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";
import type { BulkRowResult, BulkRun } from "@/lib/invites/bulk-schema";

/**
 * Bulk-run progress in the console's table, so a run outlives the tab that
 * started it: the run (pk `BULK#<env>`, sk run id) with counters, and one row
 * per CSV line (pk `BULKROW#<env>#<run id>`, sk zero-padded line).
 */
const runKey = (env: string, id: string) => ({ pk: `BULK#${env}`, sk: id });
const rowPk = (env: string, id: string) => `BULKROW#${env}#${id}`;

export type RunHead = Omit<BulkRun, "results">;

export async function createRun(env: string, head: RunHead): Promise<void> {
  await ensureRegistryTable();
  await homeClients().documents.send(new PutCommand({ TableName: registryTableName(), Item: { ...runKey(env, head.id), kind: "bulk-run", ...head } }));
}

export async function updateRun(env: string, id: string, fields: Partial<Pick<RunHead, "processed" | "invited" | "failed" | "status" | "finishedAt">>): Promise<void> {
  const entries = Object.entries({ ...fields, updatedAt: new Date().toISOString() });
  await homeClients().documents.send(
    new UpdateCommand({
      TableName: registryTableName(),
      Key: runKey(env, id),
      UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(", ")}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
    }),
  );
}

export async function putRowResults(env: string, id: string, rows: readonly BulkRowResult[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 25) {
    let items: Record<string, unknown>[] | undefined = rows.slice(i, i + 25).map((r) => ({ PutRequest: { Item: { pk: rowPk(env, id), sk: String(r.line).padStart(6, "0"), ...r } } }));
    for (let attempt = 0; items && items.length > 0 && attempt < 8; attempt++) {
      const out = await homeClients().documents.send(new BatchWriteCommand({ RequestItems: { [registryTableName()]: items as never } }));
      items = out.UnprocessedItems?.[registryTableName()] as Record<string, unknown>[] | undefined;
      if (items?.length) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

export async function readRun(env: string, id: string): Promise<BulkRun> {
  await ensureRegistryTable();
  try {
    const head = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: runKey(env, id), ConsistentRead: true }));
    if (!head.Item) throw new NotFoundError(`There is no bulk run ${id} in ${env}.`);
    const results: BulkRowResult[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await homeClients().documents.send(
        new QueryCommand({ TableName: registryTableName(), KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": rowPk(env, id) }, ExclusiveStartKey }),
      );
      for (const item of out.Items ?? []) {
        const { pk: _pk, sk: _sk, ...row } = item;
        results.push(row as BulkRowResult);
      }
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    const { pk: _pk, sk: _sk, kind: _kind, ...rest } = head.Item;
    return { ...(rest as RunHead), finishedAt: (rest.finishedAt as string | undefined) ?? null, results };
  } catch (err) {
    throw toUpstreamError(err, "reading the bulk run");
  }
}
