import "server-only";
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { NotFoundError } from "@/lib/http/errors";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";
import type { CsvInviteRow } from "@/lib/invites/csv";
import { shownCounts, shownRunState, takeover, type StoredRunState, type Takeover } from "@/lib/invites/run-state";
import type { BulkRowResult, BulkRun, BulkRunHead } from "@/lib/invites/bulk-schema";

/**
 * Bulk-run progress in the console's table, so a run outlives the tab (and
 * the server) that started it: the run (pk `BULK#<env>`, sk run id) with
 * counters, the owner (one processing attempt) and its heartbeat, and one row
 * per CSV line (pk `BULKROW#<env>#<run id>`, sk zero-padded line). A row is
 * written "pending" with its input and the invite id it will use before any
 * invite starts, then replaced by its result: a resume knows exactly which
 * rows are left and which invite each one is (so none is invited twice).
 * Reads never write: what a stale run means is derived (run-state.ts); the
 * status is written by the run's owner and by a resume's claim, each on a
 * condition.
 */
const runKey = (env: string, id: string) => ({ pk: `BULK#${env}`, sk: id });
const rowPk = (env: string, id: string) => `BULKROW#${env}#${id}`;
const rowSk = (line: number) => String(line).padStart(6, "0");

export type RunHead = Omit<BulkRun, "results" | "left" | "heartbeatAt" | "stale">;
export type PendingRow = CsvInviteRow & { inviteId: string };
type Counts = Pick<RunHead, "processed" | "invited" | "failed">;

async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests: Record<string, unknown>[] | undefined = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests && requests.length > 0; attempt++) {
      if (attempt >= 8) throw new Error("DynamoDB left bulk-run rows unprocessed after 8 attempts");
      const out = await homeClients().documents.send(new BatchWriteCommand({ RequestItems: { [registryTableName()]: requests as never } }));
      requests = out.UnprocessedItems?.[registryTableName()] as Record<string, unknown>[] | undefined;
      if (requests?.length) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

/** The run and its pending rows; `owner` is the processing attempt that will beat for it. */
export async function createRun(env: string, head: RunHead, rows: readonly PendingRow[], owner: string): Promise<void> {
  await ensureRegistryTable();
  await batchPut(rows.map((r) => ({ pk: rowPk(env, head.id), sk: rowSk(r.line), status: "pending", ...r })));
  const now = new Date().toISOString();
  await homeClients().documents.send(new PutCommand({ TableName: registryTableName(), Item: { ...runKey(env, head.id), kind: "bulk-run", ...head, owner, heartbeatAt: now } }));
}

/**
 * Counters, status, heartbeat: written only while `owner` still owns the run
 * and it is running (false when another attempt took it over, or it ended:
 * this attempt then stops). Its last write sets "done", or "interrupted"
 * when its server shuts down with rows left.
 */
export async function updateRun(env: string, id: string, owner: string, fields: Partial<Counts & Pick<RunHead, "status" | "finishedAt">>): Promise<boolean> {
  const now = new Date().toISOString();
  const entries = Object.entries({ ...fields, updatedAt: now, heartbeatAt: now });
  try {
    await homeClients().documents.send(
      new UpdateCommand({
        TableName: registryTableName(),
        Key: runKey(env, id),
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

export async function putRowResults(env: string, id: string, rows: readonly BulkRowResult[]): Promise<void> {
  await batchPut(rows.map((r) => ({ pk: rowPk(env, id), sk: rowSk(r.line), ...r })));
}

/**
 * Takes the run over for `owner` on the condition `takeover` set (false when
 * it no longer holds: another resume took it, or its server was only slow
 * and beat again, or it ended).
 */
export async function claimRun(env: string, id: string, owner: string, expected: Extract<Takeover, { ok: true }>["expect"]): Promise<boolean> {
  const now = new Date().toISOString();
  const condition =
    expected.status === "interrupted"
      ? { ConditionExpression: "#status = :interrupted", values: { ":interrupted": "interrupted" } }
      : expected.heartbeatAt === null
        ? { ConditionExpression: "#status = :was AND attribute_not_exists(heartbeatAt)", values: { ":was": "running" } }
        : { ConditionExpression: "#status = :was AND heartbeatAt = :seen", values: { ":was": "running", ":seen": expected.heartbeatAt } };
  try {
    await homeClients().documents.send(
      new UpdateCommand({
        TableName: registryTableName(),
        Key: runKey(env, id),
        UpdateExpression: "SET #status = :running, #owner = :owner, heartbeatAt = :now, updatedAt = :now, finishedAt = :null",
        ConditionExpression: condition.ConditionExpression,
        ExpressionAttributeNames: { "#status": "status", "#owner": "owner" },
        ExpressionAttributeValues: { ":running": "running", ":owner": owner, ":now": now, ":null": null, ...condition.values },
      }),
    );
    return true;
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) return false;
    throw err;
  }
}

type Stored = { head: Record<string, unknown>; results: BulkRowResult[]; pending: PendingRow[] };

async function readStored(env: string, id: string): Promise<Stored> {
  const head = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: runKey(env, id), ConsistentRead: true }));
  if (!head.Item) throw new NotFoundError(`There is no bulk run ${id} in ${env}.`);
  const results: BulkRowResult[] = [];
  const pending: PendingRow[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await homeClients().documents.send(
      new QueryCommand({ TableName: registryTableName(), KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": rowPk(env, id) }, ConsistentRead: true, ExclusiveStartKey }),
    );
    for (const item of out.Items ?? []) {
      const { pk: _pk, sk: _sk, status, ...row } = item;
      if (status === "pending") pending.push(row as PendingRow);
      else results.push({ ...row, status } as BulkRowResult);
    }
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { head: head.Item, results, pending };
}

function storedState(head: Record<string, unknown>): StoredRunState {
  return {
    status: head.status as StoredRunState["status"],
    heartbeatAt: typeof head.heartbeatAt === "string" ? head.heartbeatAt : null,
    updatedAt: String(head.updatedAt),
    finishedAt: typeof head.finishedAt === "string" ? head.finishedAt : null,
  };
}

function runView({ head, results, pending }: Stored, now: Date): BulkRun {
  const { pk: _pk, sk: _sk, kind: _kind, owner: _owner, ...rest } = head;
  const run = rest as RunHead;
  const shown = shownRunState(storedState(head), now);
  return { ...run, ...shownCounts(shown.status, run, results), ...shown, left: pending.length, results: [...results].sort((a, b) => a.line - b.line) };
}

/** The run as the API shows it (a stale running run reads as interrupted; nothing is written). */
export async function readRun(env: string, id: string, now: Date = new Date()): Promise<BulkRun> {
  await ensureRegistryTable();
  try {
    return runView(await readStored(env, id), now);
  } catch (err) {
    throw toUpstreamError(err, "reading the bulk run");
  }
}

/** What a resume needs: the run as shown, whether it may be taken over, and the rows left (with their invite ids). */
export async function readRunForResume(env: string, id: string, now: Date = new Date()): Promise<{ run: BulkRun; takeover: Takeover; pending: PendingRow[] }> {
  await ensureRegistryTable();
  try {
    const stored = await readStored(env, id);
    return { run: runView(stored, now), takeover: takeover(storedState(stored.head), now), pending: [...stored.pending].sort((a, b) => a.line - b.line) };
  } catch (err) {
    throw toUpstreamError(err, "reading the bulk run");
  }
}

/** The latest runs of an environment, newest first (run ids start with their creation time); a stale running one reads as interrupted. */
export async function listRuns(env: string, limit = 10, now: Date = new Date()): Promise<BulkRunHead[]> {
  await ensureRegistryTable();
  try {
    const out = await homeClients().documents.send(
      new QueryCommand({ TableName: registryTableName(), KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": `BULK#${env}` }, ScanIndexForward: false, Limit: limit }),
    );
    return (out.Items ?? []).map((item) => {
      const { pk: _pk, sk: _sk, kind: _kind, owner: _owner, problems: _problems, ...rest } = item;
      return { ...(rest as Omit<BulkRunHead, "stale" | "heartbeatAt" | "finishedAt">), ...shownRunState(storedState(item), now) };
    });
  } catch (err) {
    throw toUpstreamError(err, "listing bulk runs");
  }
}
