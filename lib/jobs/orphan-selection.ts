import { runIndexPartition, runTimeBounds } from "@/lib/jobs/keys";
import { summaryFromItem } from "@/lib/jobs/run-items";
import { DEADLINE_GRACE_MS } from "@/lib/jobs/stuck";

/**
 * What the orphan sweep (orphan-sweep.ts) reads and which runs it fails. Pure.
 *
 * It reads only the status index partition `sys#runs#status=new` (small: a run
 * leaves it when it ends), and there only rows queued long enough ago that
 * they can be past their deadline: no run's deadline comes sooner than the
 * shortest job timeout (1 s) plus the grace. Each row carries its run's own
 * deadline and trigger, so the choice needs no further read.
 */
const SHORTEST_TIMEOUT_MS = 1000;

export function sweepKeyRange(now: Date): { partition: string; lower: string; upper: string } {
  const newestPossible = new Date(now.getTime() - SHORTEST_TIMEOUT_MS - DEADLINE_GRACE_MS).toISOString();
  return { partition: runIndexPartition("status", "new"), ...runTimeBounds(undefined, newestPossible) };
}

/** The run ids to fail: orphaned runs (still new past their deadline, dispatched by the console); never cron runs. */
export function orphansToFail(rows: readonly Record<string, unknown>[], now: Date): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    const run = summaryFromItem(row, now);
    if (run?.status === "new" && run.orphaned) ids.add(run.id);
  }
  return [...ids];
}

/** Delay before the next sweep: the interval ± 20 %, so replicas started together do not sweep in step. */
export function nextSweepDelay(intervalMs: number, random: number): number {
  return Math.round(intervalMs * (0.8 + 0.4 * Math.min(Math.max(random, 0), 1)));
}
