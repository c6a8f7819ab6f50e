import "server-only";
import { randomUUID } from "node:crypto";
import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { ConflictError, NotFoundError } from "@/lib/http/errors";
import { DATA_TTL_ATTRIBUTE } from "@/lib/provisioning/tables";
import { documentKey, IDEMPOTENCY_PARTITION, RUNS_BLUEPRINT } from "@/lib/jobs/keys";
import { truncateOutput } from "@/lib/jobs/output";
import { indexRow, indexRows, recordFromItem, runItem, statusRowKey, type RunRecord } from "@/lib/jobs/run-items";
import { runIndexPartitions } from "@/lib/jobs/filter-plan";
import { statsKey, statsOnEnded, statsOnQueued } from "@/lib/jobs/stats";
import { runDeadline, type Trigger } from "@/lib/jobs/stuck";
import { recordDurationMs } from "@/lib/jobs/run-times";
import type { JobType } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/**
 * Run writes. Each is one transaction over the run, its index rows and its
 * day's aggregate row, so lists, filters and charts never disagree with the
 * run; a status change is conditional on the run still being `new`.
 */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>;

function reasons(err: unknown): string[] {
  return err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []).map((r) => r.Code ?? "None") : [];
}

/** Several writers may touch the same day's aggregate row at once; conflicts are retried. */
export async function transact(store: JobStore, items: TransactItems): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await store.db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      if (attempt < 6 && reasons(err).includes("TransactionConflict")) {
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt * Math.random()));
        continue;
      }
      throw err;
    }
  }
}

export type NewRun = {
  job: JobType;
  trigger: Trigger;
  author: string;
  params: Record<string, unknown>;
  idempotencyKey?: string;
  rerunOf?: string;
};

export async function getRunRecord(store: JobStore, id: string): Promise<RunRecord | undefined> {
  try {
    const out = await store.db.send(new GetCommand({ TableName: store.table, Key: documentKey(RUNS_BLUEPRINT, id), ConsistentRead: true }));
    return out.Item ? recordFromItem(out.Item) : undefined;
  } catch (err) {
    throw toUpstreamError(err, `reading a run of ${store.env.name}`);
  }
}

/** Creates a run `new`; with an idempotency key, a repeat returns the first run instead ({created: false}). */
export async function createRun(store: JobStore, input: NewRun, now = new Date()): Promise<{ run: RunRecord; created: boolean }> {
  const timeQueued = now.toISOString();
  const run: RunRecord = {
    _id: randomUUID(),
    schd_jobs_id: input.job.id,
    job_name: input.job.name,
    status: "new",
    trigger: input.trigger,
    author: input.author,
    time_queued: timeQueued,
    deadline: runDeadline(timeQueued, input.job.timeoutSeconds),
    params: input.params,
    ...(input.rerunOf ? { rerun_of: input.rerunOf } : {}),
  };
  const items: TransactItems = [
    { Put: { TableName: store.table, Item: runItem(run), ConditionExpression: "attribute_not_exists(doc_index)" } },
    ...indexRows(run).map((Item) => ({ Put: { TableName: store.table, Item } })),
    { Update: { TableName: store.table, Key: statsKey(timeQueued, run.schd_jobs_id), ...statsOnQueued(run.schd_jobs_id, run.job_name, timeQueued) } },
  ];
  // Scoped to the author, so one caller's key never returns another caller's run.
  const idemKey = input.idempotencyKey ? { portfolio_index: IDEMPOTENCY_PARTITION, doc_index: `${input.author}#${input.idempotencyKey}` } : undefined;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (idemKey) {
    const expiresAt = nowSeconds + IDEMPOTENCY_TTL_SECONDS;
    items.unshift({
      Put: {
        TableName: store.table,
        // expires_at decides (TTL deletion lags); _ttl lets DynamoDB remove the key afterwards.
        Item: { ...idemKey, run_id: run._id, expires_at: expiresAt, [DATA_TTL_ATTRIBUTE]: expiresAt },
        ConditionExpression: "attribute_not_exists(doc_index) OR expires_at < :now",
        ExpressionAttributeValues: { ":now": nowSeconds },
      },
    });
  }
  try {
    await transact(store, items);
    return { run, created: true };
  } catch (err) {
    if (idemKey && reasons(err)[0] === "ConditionalCheckFailed") {
      const existing = await store.db.send(new GetCommand({ TableName: store.table, Key: idemKey, ConsistentRead: true }));
      const runId = existing.Item?.run_id;
      const first = typeof runId === "string" ? await getRunRecord(store, runId) : undefined;
      if (first) return { run: first, created: false };
    }
    throw toUpstreamError(err, `recording a run in ${store.env.name}`);
  }
}

export type RunOutcome = { status: "executed" | "failed"; output?: string; reason?: string; timeExecuted: Date; durationMs: number | null };

/**
 * Moves a run from `new` to executed/failed with its output. Returns undefined
 * when the run had already ended (another writer won), which is not an error
 * for the dispatcher; markRunFailed turns it into a 409.
 */
export async function completeRun(store: JobStore, id: string, outcome: RunOutcome): Promise<RunRecord | undefined> {
  const current = await getRunRecord(store, id);
  if (!current) throw new NotFoundError(`There is no run ${id} in ${store.env.name}.`);
  if (current.status !== "new") return undefined;
  const stored = outcome.output !== undefined ? truncateOutput(outcome.output) : undefined;
  const ended: RunRecord = {
    ...current,
    status: outcome.status,
    time_executed: outcome.timeExecuted.toISOString(),
    ...(outcome.durationMs !== null ? { duration_ms: outcome.durationMs } : {}),
    ...(stored ? { output: stored.text, output_bytes: stored.originalBytes, ...(stored.truncated ? { output_truncated: true } : {}) } : {}),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  };
  const partitions = runIndexPartitions(ended);
  const items: TransactItems = [
    {
      Put: {
        TableName: store.table,
        Item: runItem(ended),
        ConditionExpression: "#status = :new",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":new": "new" },
      },
    },
    ...partitions.map((p) => ({ Put: { TableName: store.table, Item: indexRow(p, ended) } })),
    { Delete: { TableName: store.table, Key: statusRowKey(current, "new") } },
    { Update: { TableName: store.table, Key: statsKey(current.time_queued, current.schd_jobs_id), ...statsOnEnded(outcome.status, recordDurationMs(ended)) } },
  ];
  try {
    await transact(store, items);
    return ended;
  } catch (err) {
    if (reasons(err)[0] === "ConditionalCheckFailed") return undefined;
    throw toUpstreamError(err, `recording a run's result in ${store.env.name}`);
  }
}

export async function markRunFailed(store: JobStore, id: string, reason: string, now = new Date()): Promise<RunRecord> {
  const ended = await completeRun(store, id, { status: "failed", reason, timeExecuted: now, durationMs: null });
  if (!ended) throw new ConflictError("This run has already ended; reload to see its result.");
  return ended;
}
