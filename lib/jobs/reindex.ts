import "server-only";
import { BatchGetCommand, QueryCommand, type TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { ValidationError } from "@/lib/http/errors";
import { runIndexPartitions } from "@/lib/jobs/filter-plan";
import { bucketAttribute, bucketOf } from "@/lib/jobs/durations";
import { runFromDocument, statsOnIndexed } from "@/lib/jobs/foreign-runs";
import { recordDurationMs } from "@/lib/jobs/run-times";
import { listJobTypes } from "@/lib/jobs/job-types";
import { runIndexPartition, runIndexSort, RUNS_BLUEPRINT, SYS_PORTFOLIO } from "@/lib/jobs/keys";
import { indexRow, statusRowKey, type RunRecord } from "@/lib/jobs/run-items";
import { transact } from "@/lib/jobs/runs-write";
import { statsKey } from "@/lib/jobs/stats";
import { decodeCursor, encodeCursor } from "@/lib/registry/table";
import type { ReindexResult } from "@/lib/jobs/reindex-types";
import type { JobStore } from "@/lib/jobs/store";

/**
 * Index runs written outside the console (the TankTower app, the documents
 * pages): one page of run documents (a Query of portfolio `sys`, doc_index
 * `schd_runs#…`, oldest id first; resumable with the cursor) is compared with
 * the runs' `sys#runs#all` rows (BatchGetItem). A run without rows gets its
 * five rows and its aggregate counts in one transaction, conditional on the
 * row still being absent, so two reindexes never count a run twice. A run
 * whose rows say another status than its document (the app ended it) gets
 * its rows moved and its end counted, conditional on the row's old status.
 * Runs the console wrote are left as they are. Reads the whole run history
 * when run to the end: an admin's repair action, not a page load.
 */

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>;

function conditionFailed(err: unknown): boolean {
  return err instanceof TransactionCanceledException && (err.CancellationReasons ?? []).some((r) => r.Code === "ConditionalCheckFailed");
}

function allRowKey(run: RunRecord) {
  return { portfolio_index: runIndexPartition("all"), doc_index: runIndexSort(run.time_queued, run._id) };
}

async function existingRows(store: JobStore, runs: RunRecord[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < runs.length; i += 100) {
    let keys: Record<string, unknown>[] = runs.slice(i, i + 100).map(allRowKey);
    for (let attempt = 0; keys.length && attempt < 6; attempt++) {
      const out = await store.db.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys } } }));
      for (const row of out.Responses?.[store.table] ?? []) if (typeof row.run_id === "string") found.set(row.run_id, row);
      keys = out.UnprocessedKeys?.[store.table]?.Keys ?? [];
      if (keys.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return found;
}

function indexNew(store: JobStore, run: RunRecord): TransactItems {
  const [all, ...others] = runIndexPartitions(run);
  return [
    { Put: { TableName: store.table, Item: indexRow(all ?? runIndexPartition("all"), run), ConditionExpression: "attribute_not_exists(doc_index)" } },
    ...others.map((p) => ({ Put: { TableName: store.table, Item: indexRow(p, run) } })),
    { Update: { TableName: store.table, Key: statsKey(run.time_queued, run.schd_jobs_id), ...statsOnIndexed(run) } },
  ];
}

function moveStatus(store: JobStore, run: RunRecord, oldStatus: string): TransactItems {
  const [all, ...others] = runIndexPartitions(run);
  const names: Record<string, string> = { "#new": run.status };
  const values: Record<string, unknown> = { ":one": 1 };
  const add = ["#new :one"];
  // The duration is counted once, when the run ends (a run moving between ended statuses had it counted).
  const duration = oldStatus === "new" ? recordDurationMs(run) : null;
  if (duration !== null) {
    names["#bucket"] = bucketAttribute(bucketOf(duration));
    add.push("#bucket :one");
  }
  if (oldStatus !== "new") {
    names["#old"] = oldStatus;
    values[":minus"] = -1;
    add.push("#old :minus");
  }
  return [
    {
      Put: {
        TableName: store.table,
        Item: indexRow(all ?? runIndexPartition("all"), run),
        ConditionExpression: "#s = :old",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":old": oldStatus },
      },
    },
    ...others.map((p) => ({ Put: { TableName: store.table, Item: indexRow(p, run) } })),
    { Delete: { TableName: store.table, Key: statusRowKey(run, oldStatus as RunRecord["status"]) } },
    ...(run.status === "new"
      ? []
      : [{ Update: { TableName: store.table, Key: statsKey(run.time_queued, run.schd_jobs_id), UpdateExpression: `ADD ${add.join(", ")}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values } }]),
  ];
}

export async function reindexRuns(store: JobStore, options: { cursor?: string; limit: number }): Promise<ReindexResult> {
  let start: Record<string, string> | undefined;
  if (options.cursor) {
    start = decodeCursor(options.cursor, ["portfolio_index", "doc_index"]);
    if (!start || start.portfolio_index !== SYS_PORTFOLIO || !start.doc_index?.startsWith(`${RUNS_BLUEPRINT}#`)) {
      throw ValidationError.forField("cursor", "This cursor does not belong to a reindex; start again without one.");
    }
  }
  try {
    const [page, jobs] = await Promise.all([
      store.db.send(
        new QueryCommand({
          TableName: store.table,
          KeyConditionExpression: "portfolio_index = :p AND begins_with(doc_index, :runs)",
          ExpressionAttributeValues: { ":p": SYS_PORTFOLIO, ":runs": `${RUNS_BLUEPRINT}#` },
          Limit: options.limit,
          ExclusiveStartKey: start,
        }),
      ),
      listJobTypes(store),
    ]);
    const names = new Map(jobs.map((j) => [j.id, j.name]));
    const result: ReindexResult = { read: 0, indexed: 0, updated: 0, skipped: [], nextCursor: encodeCursor(page.LastEvaluatedKey) };
    const runs: RunRecord[] = [];
    for (const item of page.Items ?? []) {
      result.read++;
      const parsed = runFromDocument(item, names);
      if (parsed.ok) runs.push(parsed.run);
      else result.skipped.push({ id: String(item.doc_index ?? ""), reason: parsed.reason });
    }
    const rows = await existingRows(store, runs);
    for (const run of runs) {
      const row = rows.get(run._id);
      const items = !row ? indexNew(store, run) : row.status !== run.status ? moveStatus(store, run, String(row.status)) : undefined;
      if (!items) continue;
      try {
        await transact(store, items);
        if (row) result.updated++;
        else result.indexed++;
      } catch (err) {
        // Another reindex (or the console) got there first.
        if (!conditionFailed(err)) throw err;
      }
    }
    return result;
  } catch (err) {
    throw toUpstreamError(err, `indexing the runs of ${store.env.name}`);
  }
}
