import { bucketAttribute, bucketOf } from "@/lib/jobs/durations";
import type { RunRecord } from "@/lib/jobs/run-items";
import { isoTime, recordDurationMs } from "@/lib/jobs/run-times";
import { dayOf } from "@/lib/jobs/stats";
import type { RunStatus, Trigger } from "@/lib/jobs/stuck";

/**
 * Runs written outside the console (by the TankTower app, or on the documents
 * pages) are schd_runs documents without the console's index rows and
 * aggregate counts. The reindex action (reindex.ts) reads run documents and
 * gives such runs their rows. This module reads one run document the way the
 * app may have written it: no `_id` (the id is in doc_index), no `_deadline`,
 * `_job_name` or `_duration_ms` (its duration comes from its times:
 * run-times.ts), times not necessarily ISO-8601 UTC. Pure.
 */
const STATUSES: readonly RunStatus[] = ["new", "executed", "failed"];
const TRIGGERS: readonly Trigger[] = ["api", "cron", "manual"];

function text(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export { isoTime };

export type ForeignRun = { ok: true; run: RunRecord } | { ok: false; reason: string };

export function runFromDocument(item: Record<string, unknown>, jobNames: ReadonlyMap<string, string>): ForeignRun {
  const docIndex = text(item.doc_index) ?? "";
  const id = text(item._id) ?? (docIndex.startsWith("schd_runs#") ? docIndex.slice("schd_runs#".length) : undefined);
  if (!id) return { ok: false, reason: "no run id" };
  const jobId = text(item.schd_jobs_id);
  if (!jobId) return { ok: false, reason: "no job type (schd_jobs_id)" };
  const status = STATUSES.find((s) => s === text(item.status));
  if (!status) return { ok: false, reason: `status is not new, executed or failed` };
  const trigger = TRIGGERS.find((t) => t === text(item.trigger)) ?? "cron";
  const timeQueued = isoTime(item.time_queued);
  if (!timeQueued) return { ok: false, reason: "no readable time_queued" };
  const timeExecuted = status === "new" ? undefined : isoTime(item.time_executed);
  // Only a duration the console measured is stored; the rest is derived from the times when read.
  const measured = typeof item._duration_ms === "number" && Number.isFinite(item._duration_ms) ? item._duration_ms : undefined;
  // No `_deadline`: the app's run is not the console's to time out (it is never orphaned).
  const deadline = text(item._deadline);
  return {
    ok: true,
    run: {
      _id: id,
      schd_jobs_id: jobId,
      job_name: text(item._job_name) ?? jobNames.get(jobId) ?? jobId,
      status,
      trigger,
      author: text(item.author) ?? (trigger === "cron" ? "scheduler" : "unknown"),
      time_queued: timeQueued,
      ...(timeExecuted ? { time_executed: timeExecuted } : {}),
      ...(measured !== undefined && status !== "new" ? { duration_ms: measured } : {}),
      ...(text(item._reason) ? { reason: text(item._reason) } : {}),
      ...(deadline ? { deadline } : {}),
      params: {},
    },
  };
}

type Update = { UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> };

/** The aggregate row's increments for a run counted at once (queued, and its end when it has ended). */
export function statsOnIndexed(run: RunRecord): Update {
  const names: Record<string, string> = { "#day": "day" };
  const values: Record<string, unknown> = { ":day": dayOf(run.time_queued), ":job": run.schd_jobs_id, ":name": run.job_name, ":one": 1 };
  const add = ["queued :one"];
  if (run.status !== "new") {
    names["#status"] = run.status;
    add.push("#status :one");
    const duration = recordDurationMs(run);
    if (duration !== null) {
      names["#bucket"] = bucketAttribute(bucketOf(duration));
      add.push("#bucket :one");
    }
  }
  return { UpdateExpression: `SET #day = :day, job_id = :job, job_name = :name ADD ${add.join(", ")}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}
