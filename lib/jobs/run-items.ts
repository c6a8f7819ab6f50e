import { runIndexPartitions } from "@/lib/jobs/filter-plan";
import { searchText } from "@/lib/documents/item";
import { BLUEPRINT_VERSION, documentKey, runIndexPartition, runIndexSort, RUNS_BLUEPRINT, RUNS_IRN, timeIndex } from "@/lib/jobs/keys";
import { summarizeReason } from "@/lib/jobs/output";
import { isoTime, runDurationMs } from "@/lib/jobs/run-times";
import type { RunDetail, RunSummary } from "@/lib/jobs/schema";
import { isOrphaned, isStuck, ORPHANED_REASON, runDeadline, type RunStatus, type Trigger } from "@/lib/jobs/stuck";

/**
 * The items of one run: the run document (blueprint irma:schd_runs fields at
 * the top level, plus what the console needs: job name, parameters, deadline,
 * duration, failure reason) and its five index rows, which copy the fields a
 * list shows (never the output), so a page is one Query. Pure.
 */
export type RunRecord = {
  _id: string;
  schd_jobs_id: string;
  job_name: string;
  status: RunStatus;
  trigger: Trigger;
  author: string;
  output?: string;
  output_truncated?: boolean;
  output_bytes?: number;
  time_queued: string;
  time_executed?: string;
  duration_ms?: number;
  reason?: string;
  /** The console's deadline for a run it created; absent on runs the app wrote (the default timeout applies). */
  deadline?: string;
  params: Record<string, unknown>;
  rerun_of?: string;
};

/**
 * Stored attribute names. Blueprint fields keep their names; everything the
 * console adds starts with `_`, as the document store does (lib/documents/item.ts),
 * so a blueprint field can never collide with it and the documents pages show
 * runs as ordinary documents.
 */
const EXTRA = {
  job_name: "_job_name",
  params: "_params",
  deadline: "_deadline",
  duration_ms: "_duration_ms",
  reason: "_reason",
  output_truncated: "_output_truncated",
  output_bytes: "_output_bytes",
  rerun_of: "_rerun_of",
} as const satisfies Partial<Record<keyof RunRecord, string>>;

const BLUEPRINT_FIELDS = ["schd_jobs_id", "status", "trigger", "author", "output", "time_queued", "time_executed"] as const;

export function runItem(run: RunRecord): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of BLUEPRINT_FIELDS) if (run[field] !== undefined) values[field] = run[field];
  const extras: Record<string, unknown> = {};
  for (const [field, attribute] of Object.entries(EXTRA)) {
    const value = run[field as keyof typeof EXTRA];
    if (value !== undefined) extras[attribute] = value;
  }
  return {
    ...values,
    ...documentKey(RUNS_BLUEPRINT, run._id),
    time_index: timeIndex(RUNS_BLUEPRINT, run.time_queued, run._id),
    _id: run._id,
    _blueprint: RUNS_IRN,
    _blueprint_version: BLUEPRINT_VERSION,
    // 1 while new, 2 once ended: the documents pages edit at a revision too.
    _revision: run.status === "new" ? 1 : 2,
    _search: searchText(values, run._id),
    _created_at: run.time_queued,
    _created_by: run.author,
    _updated_at: run.time_executed ?? run.time_queued,
    _updated_by: run.author,
    ...extras,
  };
}

const SUMMARY_FIELDS = ["schd_jobs_id", "status", "trigger", "author", "time_queued", "time_executed"] as const;
const SUMMARY_EXTRAS = ["job_name", "duration_ms", "reason", "deadline"] as const;

export function indexRow(partition: string, run: RunRecord): Record<string, unknown> {
  const row: Record<string, unknown> = { portfolio_index: partition, doc_index: runIndexSort(run.time_queued, run._id), run_id: run._id };
  for (const field of SUMMARY_FIELDS) if (run[field] !== undefined) row[field] = run[field];
  for (const field of SUMMARY_EXTRAS) {
    const value = run[field];
    if (value !== undefined) row[EXTRA[field]] = field === "reason" ? summarizeReason(String(value)) : value;
  }
  return row;
}

export function indexRows(run: RunRecord): Record<string, unknown>[] {
  return runIndexPartitions(run).map((partition) => indexRow(partition, run));
}

/** The key of the status row a run leaves when its status changes. */
export function statusRowKey(run: Pick<RunRecord, "_id" | "time_queued">, status: RunStatus) {
  return { portfolio_index: runIndexPartition("status", status), doc_index: runIndexSort(run.time_queued, run._id) };
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function numOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

const STATUSES: readonly RunStatus[] = ["new", "executed", "failed"];
const TRIGGERS: readonly Trigger[] = ["api", "cron", "manual"];

/** Reads a run document or an index row (both carry the summary fields); undefined if malformed. */
export function summaryFromItem(item: Record<string, unknown>, now: Date): RunSummary | undefined {
  // A run document the app wrote may lack _id: its id is then the doc_index's `schd_runs#<id>`.
  const docId = str(item.doc_index)?.match(/^schd_runs#([^#]+)$/)?.[1];
  const id = str(item.run_id) ?? str(item._id) ?? docId;
  const status = STATUSES.find((s) => s === item.status);
  const trigger = TRIGGERS.find((t) => t === item.trigger);
  // Runs the app wrote may carry times without a zone or in another offset; shown and compared as ISO UTC.
  const timeQueued = isoTime(item.time_queued) ?? str(item.time_queued);
  const timeExecuted = isoTime(item.time_executed) ?? str(item.time_executed) ?? null;
  const jobId = str(item.schd_jobs_id);
  if (!id || !status || !trigger || !timeQueued || !jobId) return undefined;
  const timing = { status, trigger, deadline: str(item._deadline) ?? null, time_queued: timeQueued };
  // Derived on every read, never written by one: the orphan sweep (orphan-sweep.ts) records the failure.
  const orphaned = isOrphaned(timing, now);
  return {
    id,
    jobId,
    jobName: str(item._job_name) ?? jobId,
    status,
    trigger,
    author: str(item.author) ?? "",
    // Resolved when runs are read (lib/jobs/author-names.ts); rows never store it.
    authorName: null,
    timeQueued,
    timeExecuted,
    durationMs: runDurationMs({ status, timeQueued, timeExecuted, measuredMs: numOrNull(item._duration_ms) }),
    reason: str(item._reason) ?? (orphaned ? ORPHANED_REASON : null),
    stuck: isStuck(timing, now),
    orphaned,
  };
}

export function recordFromItem(item: Record<string, unknown>): RunRecord | undefined {
  const summary = summaryFromItem(item, new Date());
  if (!summary) return undefined;
  // Runs the app wrote have no deadline of the console's (shown with the default timeout's, never orphaned).
  const deadline = str(item._deadline);
  const params = item._params && typeof item._params === "object" && !Array.isArray(item._params) ? (item._params as Record<string, unknown>) : {};
  return {
    _id: summary.id,
    schd_jobs_id: summary.jobId,
    job_name: summary.jobName,
    status: summary.status,
    trigger: summary.trigger,
    author: summary.author,
    output: str(item.output),
    output_truncated: item._output_truncated === true ? true : undefined,
    output_bytes: numOrNull(item._output_bytes) ?? undefined,
    time_queued: summary.timeQueued,
    time_executed: summary.timeExecuted ?? undefined,
    // Only what the console measured; a derived duration is derived again on every read.
    duration_ms: numOrNull(item._duration_ms) ?? undefined,
    reason: str(item._reason),
    deadline,
    params,
    rerun_of: str(item._rerun_of),
  };
}

export function detailOf(run: RunRecord, now: Date): RunDetail {
  const summary = summaryFromItem(runItem(run), now);
  if (!summary) throw new Error("run record without summary fields");
  return {
    ...summary,
    reason: run.reason ?? (summary.orphaned ? ORPHANED_REASON : null),
    output: run.output ?? null,
    outputTruncated: run.output_truncated === true,
    outputBytes: run.output_bytes ?? null,
    params: run.params,
    deadline: run.deadline ?? runDeadline(summary.timeQueued),
    rerunOf: run.rerun_of ?? null,
  };
}
