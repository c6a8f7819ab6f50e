import "server-only";
import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { NotFoundError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import { executeRun } from "@/lib/jobs/dispatch";
import { DATA_TTL_ATTRIBUTE } from "@/lib/provisioning/tables";
import { BULK_PARTITION } from "@/lib/jobs/keys";
import { listRuns } from "@/lib/jobs/runs-read";
import { getRunRecord } from "@/lib/jobs/runs-write";
import { bulkProgressSchema, runQuerySchema, type BulkProgress } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";
import { triggerRun } from "@/lib/jobs/trigger";

/**
 * Re-run all failed runs of a filter. The list of runs is fixed when it starts;
 * progress (done, errors, new run ids) lives on an item in `<env>_data`
 * (`sys#bulk` / <id>), so a closed tab or another admin sees it. Each re-run
 * uses the original's parameters and is dispatched one after the other, so a
 * bulk re-run never floods the app.
 */
type Filter = { job?: string; trigger?: "api" | "cron" | "manual"; author?: string; from?: string; to?: string; max: number };

/** Progress is kept a week for whoever comes back to it, then DynamoDB's TTL removes it. */
const BULK_TTL_SECONDS = 7 * 86_400;

function key(id: string) {
  return { portfolio_index: BULK_PARTITION, doc_index: id };
}

export async function getBulkProgress(store: JobStore, id: string): Promise<BulkProgress> {
  const out = await store.db.send(new GetCommand({ TableName: store.table, Key: key(id), ConsistentRead: true }));
  const parsed = bulkProgressSchema.safeParse(out.Item);
  if (!parsed.success) throw new NotFoundError(`There is no bulk re-run ${id} in ${store.env.name}.`);
  return parsed.data;
}

async function failedRunIds(store: JobStore, filter: Filter): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRuns(store, runQuerySchema.parse({ ...filter, status: "failed", limit: 100, cursor }));
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && ids.length < filter.max);
  return ids.slice(0, filter.max);
}

export async function startRerunFailed(store: JobStore, filter: Filter, author: string, now = new Date()) {
  const ids = await failedRunIds(store, filter);
  const progress: BulkProgress = { id: randomUUID(), state: ids.length ? "running" : "done", total: ids.length, done: 0, errors: 0, startedAt: now.toISOString(), updatedAt: now.toISOString(), author, runIds: [] };
  try {
    const expiresAt = Math.floor(now.getTime() / 1000) + BULK_TTL_SECONDS;
    await store.db.send(new PutCommand({ TableName: store.table, Item: { ...key(progress.id), ...progress, [DATA_TTL_ATTRIBUTE]: expiresAt } }));
  } catch (err) {
    throw toUpstreamError(err, `starting a bulk re-run in ${store.env.name}`);
  }
  const work = async () => {
    for (const id of ids) {
      let newRunId: string | undefined;
      try {
        const original = await getRunRecord(store, id);
        if (!original) throw new Error("run vanished");
        const triggered = await triggerRun(store, { job: original.schd_jobs_id, params: original.params, rerunOf: id, idempotencyKey: `rerun-${progress.id}-${id}` }, { author, trigger: "manual" });
        newRunId = triggered.run._id;
        await executeRun(store, triggered.run, triggered.job);
      } catch (err) {
        log.info("bulk re-run item failed", { environment: store.env.name, run: id, error: err instanceof Error ? err.name : "unknown" });
      }
      await store.db.send(
        new UpdateCommand({
          TableName: store.table,
          Key: key(progress.id),
          UpdateExpression: `ADD #count :one SET updatedAt = :now${newRunId ? ", runIds = list_append(runIds, :ids)" : ""}`,
          ExpressionAttributeNames: { "#count": newRunId ? "done" : "errors" },
          ExpressionAttributeValues: { ":one": 1, ":now": new Date().toISOString(), ...(newRunId ? { ":ids": [newRunId] } : {}) },
        }),
      );
    }
    await store.db.send(
      new UpdateCommand({ TableName: store.table, Key: key(progress.id), UpdateExpression: "SET #state = :done, updatedAt = :now", ExpressionAttributeNames: { "#state": "state" }, ExpressionAttributeValues: { ":done": "done", ":now": new Date().toISOString() } }),
    );
  };
  return { progress, work };
}
