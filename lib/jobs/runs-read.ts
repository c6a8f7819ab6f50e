import "server-only";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { NotFoundError, ValidationError } from "@/lib/http/errors";
import { cursorFitsPlan, planRunFilter, type FilterPlan } from "@/lib/jobs/filter-plan";
import { findJobType, listJobTypes } from "@/lib/jobs/job-types";
import { runIndexPartition, STATS_PARTITION } from "@/lib/jobs/keys";
import { authorNames, namedRun, namedRuns } from "@/lib/jobs/author-names";
import { withAuthorNames } from "@/lib/jobs/authors";
import { detailOf, summaryFromItem } from "@/lib/jobs/run-items";
import { getRunRecord } from "@/lib/jobs/runs-write";
import type { JobOverview, JobType, RunDetail, RunQuery, RunStats, RunSummary } from "@/lib/jobs/schema";
import { lastDays, summarizeStats, type StatsItem } from "@/lib/jobs/stats";
import { checkSchedule } from "@/lib/jobs/schedule";
import { decodeCursor, encodeCursor } from "@/lib/registry/table";
import type { JobStore } from "@/lib/jobs/store";

/**
 * Reads of runs: pages through the filter key plan, details, aggregates, the
 * jobs overview. A read never writes: an orphaned run (stuck, dispatched by
 * the console) is shown as such; the console's sweep (orphan-sweep.ts) fails it.
 */

/** A page stops reading after this many index rows even if not full (a combined filter that matches little). */
const MAX_ROWS_PER_PAGE = 1000;

async function queryRows(store: JobStore, plan: FilterPlan, limit: number, start: Record<string, unknown> | undefined) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":p": plan.partition, ":lo": plan.lower, ":hi": plan.upper };
  const filters = plan.residual.map((r, i) => {
    names[`#f${i}`] = r.attribute;
    values[`:f${i}`] = r.value;
    return `#f${i} = :f${i}`;
  });
  const rows: Record<string, unknown>[] = [];
  let scanned = 0;
  let next = start;
  do {
    const out = await store.db.send(
      new QueryCommand({
        TableName: store.table,
        KeyConditionExpression: "portfolio_index = :p AND doc_index BETWEEN :lo AND :hi",
        ExpressionAttributeValues: values,
        ...(filters.length ? { FilterExpression: filters.join(" AND "), ExpressionAttributeNames: names } : {}),
        ScanIndexForward: false,
        // Without residual filters every row read is a row shown; with them, read ahead.
        Limit: filters.length ? Math.min(MAX_ROWS_PER_PAGE - scanned, Math.max(limit * 4, 100)) : limit - rows.length,
        ExclusiveStartKey: next,
      }),
    );
    scanned += out.ScannedCount ?? 0;
    rows.push(...(out.Items ?? []));
    next = out.LastEvaluatedKey;
  } while (next && rows.length < limit && scanned < MAX_ROWS_PER_PAGE);
  if (rows.length > limit) {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { rows: page, next: last ? { portfolio_index: last.portfolio_index, doc_index: last.doc_index } : undefined, scanned };
  }
  return { rows, next, scanned };
}

export async function listRuns(store: JobStore, query: RunQuery, now = new Date()) {
  const plan = planRunFilter({ status: query.status, job: query.job, trigger: query.trigger, author: query.author, from: query.from, to: query.to });
  let start: Record<string, unknown> | undefined;
  if (query.cursor) {
    start = decodeCursor(query.cursor, ["portfolio_index", "doc_index"]);
    if (!start || !cursorFitsPlan(plan, start)) throw ValidationError.forField("cursor", "This cursor does not belong to this list; start from the first page.");
  }
  try {
    const { rows, next, scanned } = await queryRows(store, plan, query.limit, start);
    const summaries = rows.map((r) => summaryFromItem(r, now)).filter((s): s is RunSummary => s !== undefined);
    return { items: await namedRuns(store, summaries), nextCursor: encodeCursor(next), scanned };
  } catch (err) {
    throw toUpstreamError(err, `listing runs of ${store.env.name}`);
  }
}

export async function getRun(store: JobStore, id: string, now = new Date()): Promise<RunDetail> {
  let run = await getRunRecord(store, id);
  if (!run) throw new NotFoundError(`There is no run ${id} in ${store.env.name}.`);
  // A run document the app wrote has no _job_name: the job type names it (its index rows have the name already).
  if (run.job_name === run.schd_jobs_id) {
    const job = await findJobType(store, run.schd_jobs_id);
    if (job) run = { ...run, job_name: job.name };
  }
  return namedRun(store, detailOf(run, now));
}

export async function readStatsItems(store: JobStore, days: readonly string[]): Promise<StatsItem[]> {
  const items: StatsItem[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await store.db.send(
      new QueryCommand({
        TableName: store.table,
        KeyConditionExpression: "portfolio_index = :p AND doc_index BETWEEN :lo AND :hi",
        ExpressionAttributeValues: { ":p": STATS_PARTITION, ":lo": days[0] ?? "", ":hi": `${days[days.length - 1] ?? ""}~` },
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) if (typeof item.day === "string" && typeof item.job_id === "string") items.push(item as StatsItem);
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export async function runStats(store: JobStore, dayCount: number, now = new Date(), knownJobs?: readonly JobType[]): Promise<RunStats> {
  const days = lastDays(now, dayCount);
  try {
    const [items, jobs] = await Promise.all([readStatsItems(store, days), knownJobs ?? listJobTypes(store)]);
    return summarizeStats(items, days, new Map(jobs.map((j) => [j.id, j.name])));
  } catch (err) {
    throw toUpstreamError(err, `reading run statistics of ${store.env.name}`);
  }
}

async function newestRows(store: JobStore, partition: string, limit: number, now: Date): Promise<RunSummary[]> {
  const out = await store.db.send(
    new QueryCommand({
      TableName: store.table,
      KeyConditionExpression: "portfolio_index = :p",
      ExpressionAttributeValues: { ":p": partition },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((r) => summaryFromItem(r, now)).filter((s): s is RunSummary => s !== undefined);
}

/** Job types with their last and recent runs (one small Query each) and 30-day success rate (aggregates). */
export async function jobsOverview(store: JobStore, now = new Date()): Promise<JobOverview> {
  try {
    const [jobs, pending] = await Promise.all([listJobTypes(store), newestRows(store, runIndexPartition("status", "new"), 100, now)]);
    const stats = await runStats(store, 30, now, jobs);
    const stuck = pending.filter((r) => r.stuck);
    const recents = await Promise.all(jobs.map((job) => newestRows(store, runIndexPartition("job", job.id), 10, now)));
    // One name lookup for every author on the page (cached), not one per job type.
    const names = await authorNames(store, [...stuck, ...recents.flat()].map((r) => r.author));
    const items = jobs.map((job, i) => {
      const recent = withAuthorNames(recents[i] ?? [], names);
      const s = stats.jobs.find((j) => j.jobId === job.id);
      const schedule = job.schedule ? checkSchedule(job.schedule, now) : undefined;
      return {
        ...job,
        lastRun: recent[0] ?? null,
        recentRuns: recent,
        successRate: s && s.failureRate !== null ? 1 - s.failureRate : null,
        runs30d: s?.total ?? 0,
        nextRuns: schedule?.ok ? schedule.next : [],
      };
    });
    return { items, stuck: withAuthorNames(stuck, names) };
  } catch (err) {
    throw toUpstreamError(err, `reading jobs of ${store.env.name}`);
  }
}
