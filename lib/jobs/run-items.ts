import { runIndexPartitions } from "@/lib/jobs/filter-plan";
import { documentKey, runIndexPartition, runIndexSort, RUNS_BLUEPRINT, RUNS_IRN, timeIndex } from "@/lib/jobs/keys";
import { summarizeReason } from "@/lib/jobs/output";
import type { RunDetail, RunSummary } from "@/lib/jobs/schema";
import { isStuck, type RunStatus, type Trigger } from "@/lib/jobs/stuck";

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
  deadline: string;
  params: Record<string, unknown>;
  rerun_of?: string;
};

export function runItem(run: RunRecord): Record<string, unknown> {
  return {
    ...documentKey(RUNS_BLUEPRINT, run._id),
    time_index: timeIndex(RUNS_BLUEPRINT, run.time_queued, run._id),
    blueprint: RUNS_IRN,
    ...run,
  };
}

const SUMMARY_FIELDS = ["schd_jobs_id", "job_name", "status", "trigger", "author", "time_queued", "time_executed", "duration_ms", "reason", "deadline"] as const;

export function indexRow(partition: string, run: RunRecord): Record<string, unknown> {
  const row: Record<string, unknown> = { portfolio_index: partition, doc_index: runIndexSort(run.time_queued, run._id), run_id: run._id };
  for (const field of SUMMARY_FIELDS) if (run[field] !== undefined) row[field] = field === "reason" && run.reason ? summarizeReason(run.reason) : run[field];
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
  const id = str(item.run_id) ?? str(item._id);
  const status = STATUSES.find((s) => s === item.status);
  const trigger = TRIGGERS.find((t) => t === item.trigger);
  const timeQueued = str(item.time_queued);
  const jobId = str(item.schd_jobs_id);
  if (!id || !status || !trigger || !timeQueued || !jobId) return undefined;
  return {
    id,
    jobId,
    jobName: str(item.job_name) ?? jobId,
    status,
    trigger,
    author: str(item.author) ?? "",
    timeQueued,
    timeExecuted: str(item.time_executed) ?? null,
    durationMs: numOrNull(item.duration_ms),
    reason: str(item.reason) ?? null,
    stuck: isStuck({ status, deadline: str(item.deadline) ?? null, time_queued: timeQueued }, now),
  };
}

export function recordFromItem(item: Record<string, unknown>): RunRecord | undefined {
  const summary = summaryFromItem(item, new Date());
  const deadline = str(item.deadline);
  if (!summary || !deadline) return undefined;
  const params = item.params && typeof item.params === "object" && !Array.isArray(item.params) ? (item.params as Record<string, unknown>) : {};
  return {
    _id: summary.id,
    schd_jobs_id: summary.jobId,
    job_name: summary.jobName,
    status: summary.status,
    trigger: summary.trigger,
    author: summary.author,
    output: str(item.output),
    output_truncated: item.output_truncated === true ? true : undefined,
    output_bytes: numOrNull(item.output_bytes) ?? undefined,
    time_queued: summary.timeQueued,
    time_executed: summary.timeExecuted ?? undefined,
    duration_ms: summary.durationMs ?? undefined,
    reason: str(item.reason),
    deadline,
    params,
    rerun_of: str(item.rerun_of),
  };
}

export function detailOf(run: RunRecord, now: Date): RunDetail {
  const summary = summaryFromItem(runItem(run), now);
  if (!summary) throw new Error("run record without summary fields");
  return {
    ...summary,
    reason: run.reason ?? null,
    output: run.output ?? null,
    outputTruncated: run.output_truncated === true,
    outputBytes: run.output_bytes ?? null,
    params: run.params,
    deadline: run.deadline,
    rerunOf: run.rerun_of ?? null,
  };
}
