import "server-only";
import { BatchWriteCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";
import type { Finding } from "@/lib/reconcile/compare";
import { shownPass } from "@/lib/reconcile/pass-state";
import type { Pass, Reconciliation, StoredFinding } from "@/lib/reconcile/schema";

/**
 * Reconciliation passes in the console's table: the pass (pk `RECON#<env>`,
 * sk pass id, time-ordered) with its progress, owner and heartbeat, and its
 * findings (pk `RECONROW#<env>#<pass id>`, sk `<email>#<kind>`), each marked
 * once fixed. The page reads the latest pass, so it survives a closed tab; a read
 * writes nothing (lib/reconcile/pass-state.ts).
 */
const passKey = (env: string, id: string) => ({ pk: `RECON#${env}`, sk: id });
const rowPk = (env: string, id: string) => `RECONROW#${env}#${id}`;
const rowSk = (f: Pick<Finding, "email" | "kind">) => `${f.email}#${f.kind}`;

export type PassProgress = Partial<Pick<Pass, "status" | "phase" | "cognitoUsers" | "cognitoEstimate" | "userEntities" | "findings" | "error" | "finishedAt">>;

export async function createPass(env: string, pass: Pass, owner: string): Promise<void> {
  await ensureRegistryTable();
  await homeClients().documents.send(new PutCommand({ TableName: registryTableName(), Item: { ...passKey(env, pass.id), kind: "reconciliation", ...pass, owner } }));
}

/** Progress, written only while `owner` owns the pass (false once it does not). */
export async function updatePass(env: string, id: string, owner: string, fields: PassProgress): Promise<boolean> {
  const now = new Date().toISOString();
  const entries = Object.entries({ ...fields, updatedAt: now, heartbeatAt: now });
  try {
    await homeClients().documents.send(
      new UpdateCommand({
        TableName: registryTableName(),
        Key: passKey(env, id),
        UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(", ")}`,
        ConditionExpression: "#owner = :owner AND #status = :running",
        ExpressionAttributeNames: { ...Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])), "#owner": "owner", "#status": "status" },
        ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])), ":owner": owner, ":running": "running" },
      }),
    );
    return true;
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) return false;
    throw err;
  }
}

export async function putFindings(env: string, id: string, findings: readonly Finding[]): Promise<void> {
  const items = findings.map((f) => ({ pk: rowPk(env, id), sk: rowSk(f), ...f, fixed: null }));
  for (let i = 0; i < items.length; i += 25) {
    let requests: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests && requests.length > 0; attempt++) {
      if (attempt >= 8) throw new Error("DynamoDB left findings unprocessed after 8 attempts");
      const out = await homeClients().documents.send(new BatchWriteCommand({ RequestItems: { [registryTableName()]: requests as never } }));
      requests = out.UnprocessedItems?.[registryTableName()] as Record<string, unknown>[] | undefined;
      if (requests?.length) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

/** Marks the pass's finding(s) for `email` fixed (those of the given fix's kind). */
export async function markFixed(env: string, id: string, finding: Pick<Finding, "email" | "kind">, by: string, message: string): Promise<void> {
  try {
    await homeClients().documents.send(
      new UpdateCommand({
        TableName: registryTableName(),
        Key: { pk: rowPk(env, id), sk: rowSk(finding) },
        UpdateExpression: "SET #fixed = :fixed",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#fixed": "fixed" },
        ExpressionAttributeValues: { ":fixed": { at: new Date().toISOString(), by, message } },
      }),
    );
  } catch (err) {
    // A finding this pass did not have (fixed from an older page): nothing to mark.
    if (!isAwsError(err, "ConditionalCheckFailedException")) throw err;
  }
}

function toPass(item: Record<string, unknown>): Pass {
  const { pk: _pk, sk: _sk, kind: _kind, owner: _owner, ...rest } = item;
  return { heartbeatAt: null, error: null, finishedAt: null, ...rest } as Pass;
}

/**
 * Records a pass that lost its server as interrupted, unless it moved since it was read (a slow server
 * that beat in the meantime keeps it). Only a mutating action calls this: starting the next pass.
 */
export async function recordInterrupted(env: string, pass: Pass): Promise<void> {
  try {
    await homeClients().documents.send(
      new UpdateCommand({
        TableName: registryTableName(),
        Key: passKey(env, pass.id),
        UpdateExpression: "SET #status = :interrupted, finishedAt = :now, updatedAt = :now",
        ConditionExpression: "#status = :running AND updatedAt = :seen",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":interrupted": "interrupted", ":running": "running", ":seen": pass.updatedAt, ":now": new Date().toISOString() },
      }),
    );
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) return;
    throw toUpstreamError(err, "recording the interrupted reconciliation");
  }
}

/** The latest pass with its findings (null when none ran yet). */
export async function latestPass(env: string, now: Date = new Date()): Promise<Reconciliation> {
  await ensureRegistryTable();
  try {
    const out = await homeClients().documents.send(
      new QueryCommand({ TableName: registryTableName(), KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": `RECON#${env}` }, ScanIndexForward: false, Limit: 1, ConsistentRead: true }),
    );
    const item = out.Items?.[0];
    if (!item) return { pass: null, findings: [] };
    const pass = shownPass(toPass(item), now);
    const findings: StoredFinding[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await homeClients().documents.send(
        new QueryCommand({ TableName: registryTableName(), KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": rowPk(env, pass.id) }, ConsistentRead: true, ExclusiveStartKey }),
      );
      for (const row of page.Items ?? []) {
        const { pk: _pk, sk: _sk, ...finding } = row;
        findings.push(finding as StoredFinding);
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return { pass, findings };
  } catch (err) {
    throw toUpstreamError(err, "reading the reconciliation");
  }
}
