import { addBuckets, bucketAttribute, bucketOf, BUCKET_COUNT, emptyBuckets, percentileFromBuckets } from "@/lib/jobs/durations";
import { STATS_PARTITION, statsSort } from "@/lib/jobs/keys";
import type { RunStats } from "@/lib/jobs/schema";

/**
 * Per-day aggregate rows (`sys#runstats` / `<day>#<job id>`), kept up to date
 * by atomic ADD in the same transaction as every run write: `queued` when a run
 * is created, `executed` or `failed` (and a duration bucket) when it ends. Runs
 * still new on a day = queued − executed − failed. Pure.
 */
export type StatsItem = {
  day: string;
  job_id: string;
  job_name?: string;
  queued?: number;
  executed?: number;
  failed?: number;
} & Record<string, unknown>;

export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

export function statsKey(timeQueued: string, jobId: string) {
  return { portfolio_index: STATS_PARTITION, doc_index: statsSort(dayOf(timeQueued), jobId) };
}

type Update = { UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> };

export function statsOnQueued(jobId: string, jobName: string, timeQueued: string): Update {
  return {
    UpdateExpression: "SET #day = :day, job_id = :job, job_name = :name ADD queued :one",
    ExpressionAttributeNames: { "#day": "day" },
    ExpressionAttributeValues: { ":day": dayOf(timeQueued), ":job": jobId, ":name": jobName, ":one": 1 },
  };
}

/** A run ended: count its status and, when it has one, its duration bucket. */
export function statsOnEnded(status: "executed" | "failed", durationMs: number | null): Update {
  const names: Record<string, string> = { "#status": status };
  const values: Record<string, unknown> = { ":one": 1 };
  let add = "#status :one";
  if (durationMs !== null) {
    names["#bucket"] = bucketAttribute(bucketOf(durationMs));
    add += ", #bucket :one";
  }
  return { UpdateExpression: `ADD ${add}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

export function bucketsOf(item: Record<string, unknown>): number[] {
  return Array.from({ length: BUCKET_COUNT }, (_, i) => num(item[bucketAttribute(i)]));
}

/** The last `count` UTC days ending today, oldest first. */
export function lastDays(now: Date, count: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, i) => new Date(today - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

export function summarizeStats(items: readonly StatsItem[], days: readonly string[], jobNames: ReadonlyMap<string, string>): RunStats {
  const byDay = new Map(days.map((day) => [day, { day, executed: 0, failed: 0, new: 0 }]));
  const byJob = new Map<string, { executed: number; failed: number; queued: number; buckets: number[]; name: string }>();
  for (const item of items) {
    const day = byDay.get(item.day);
    if (!day) continue;
    const executed = num(item.executed);
    const failed = num(item.failed);
    const queued = num(item.queued);
    day.executed += executed;
    day.failed += failed;
    day.new += Math.max(0, queued - executed - failed);
    const job = byJob.get(item.job_id) ?? { executed: 0, failed: 0, queued: 0, buckets: emptyBuckets(), name: jobNames.get(item.job_id) ?? item.job_name ?? item.job_id };
    job.executed += executed;
    job.failed += failed;
    job.queued += queued;
    addBuckets(job.buckets, bucketsOf(item));
    byJob.set(item.job_id, job);
  }
  const jobs = [...byJob.entries()]
    .map(([jobId, j]) => {
      const ended = j.executed + j.failed;
      return {
        jobId,
        jobName: j.name,
        total: Math.max(j.queued, ended),
        executed: j.executed,
        failed: j.failed,
        failureRate: ended === 0 ? null : j.failed / ended,
        p50Ms: percentileFromBuckets(j.buckets, 0.5),
        p95Ms: percentileFromBuckets(j.buckets, 0.95),
      };
    })
    .sort((a, b) => a.jobName.localeCompare(b.jobName));
  return { days: [...byDay.values()], jobs, itemsRead: items.length };
}
