import { bucketAttribute, bucketOf } from "@/lib/jobs/durations";
import { indexRows, runItem, type RunRecord } from "@/lib/jobs/run-items";
import { dayOf, statsKey } from "@/lib/jobs/stats";
import { runDeadline, type RunStatus, type Trigger } from "@/lib/jobs/stuck";
import { recordDurationMs } from "@/lib/jobs/run-times";

/**
 * Generated run history (sandbox first start, bench): deterministic for a seed,
 * so writing it twice writes the same items, with the aggregate rows computed
 * from the same runs. Pure.
 */
export type HistoryJob = { id: string; name: string; failureRate: number; medianMs: number };

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type HistoryOptions = { count: number; days: number; now: Date; seed?: number; authors?: string[]; rareStatus?: { status: RunStatus; share: number } };

export function generateRuns(jobs: readonly HistoryJob[], options: HistoryOptions): RunRecord[] {
  const rand = prng(options.seed ?? 42);
  const authors = options.authors ?? ["ana@example.com", "ben@example.com", "chen@example.com"];
  const span = options.days * 86_400_000;
  const runs: RunRecord[] = [];
  for (let i = 0; i < options.count; i++) {
    const job = jobs[Math.floor(rand() * jobs.length)] ?? jobs[0];
    if (!job) break;
    // Older days are a little quieter, so the chart shows some shape.
    const age = span * Math.pow(rand(), 1.2);
    const queued = new Date(options.now.getTime() - 120_000 - age);
    const triggerRoll = rand();
    const trigger: Trigger = triggerRoll < 0.6 ? "cron" : triggerRoll < 0.85 ? "manual" : "api";
    const failed = rand() < job.failureRate;
    let status: RunStatus = failed ? "failed" : "executed";
    if (options.rareStatus && rand() < options.rareStatus.share) status = options.rareStatus.status;
    const durationMs = Math.round(job.medianMs * Math.exp((rand() - 0.5) * 2.5));
    const id = uuidFrom(rand);
    const timeQueued = queued.toISOString();
    const ended = status !== "new";
    runs.push({
      _id: id,
      schd_jobs_id: job.id,
      job_name: job.name,
      status,
      trigger,
      author: trigger === "cron" ? "scheduler" : (authors[Math.floor(rand() * authors.length)] ?? "ana@example.com"),
      time_queued: timeQueued,
      ...(ended ? { time_executed: new Date(queued.getTime() + durationMs).toISOString(), duration_ms: durationMs } : {}),
      ...(ended ? { output: status === "failed" ? '{"ok":false,"error":"upstream timeout"}' : '{"ok":true}', output_bytes: 12 } : {}),
      ...(status === "failed" ? { reason: "The handler answered HTTP 500: upstream timeout" } : {}),
      deadline: runDeadline(timeQueued, 30),
      params: {},
    });
  }
  return runs;
}

/** Every item the runs need: run documents, index rows, and the aggregate rows (whole, not increments). */
export function historyItems(runs: readonly RunRecord[]): Record<string, unknown>[] {
  const stats = new Map<string, Record<string, unknown>>();
  const items: Record<string, unknown>[] = [];
  for (const run of runs) {
    items.push(runItem(run), ...indexRows(run));
    const key = statsKey(run.time_queued, run.schd_jobs_id);
    const row = stats.get(key.doc_index) ?? { ...key, day: dayOf(run.time_queued), job_id: run.schd_jobs_id, job_name: run.job_name, queued: 0 };
    row.queued = (row.queued as number) + 1;
    if (run.status !== "new") {
      row[run.status] = ((row[run.status] as number | undefined) ?? 0) + 1;
      const duration = recordDurationMs(run);
      if (duration !== null) {
        const b = bucketAttribute(bucketOf(duration));
        row[b] = ((row[b] as number | undefined) ?? 0) + 1;
      }
    }
    stats.set(key.doc_index, row);
  }
  return [...items, ...stats.values()];
}
