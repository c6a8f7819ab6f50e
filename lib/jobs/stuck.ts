/**
 * A run is created `new` and becomes executed/failed when its handler answers.
 * Every run carries a deadline (time queued + the handler timeout + a grace):
 * past it, a run still `new` is stuck. Runs the console itself dispatched
 * (manual, api) can only be stuck because the console stopped waiting (e.g. it
 * restarted): they are orphaned. Reads only show that; the console's
 * background sweep (orphan-sweep.ts) fails them. Cron runs are only flagged,
 * for an admin to mark failed.
 */
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEADLINE_GRACE_MS = 60_000;

export type Trigger = "api" | "cron" | "manual";
export type RunStatus = "new" | "executed" | "failed";

export function runDeadline(timeQueued: string, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS): string {
  return new Date(Date.parse(timeQueued) + timeoutSeconds * 1000 + DEADLINE_GRACE_MS).toISOString();
}

export function isStuck(run: { status: RunStatus; deadline?: string | null; time_queued: string }, now: Date): boolean {
  if (run.status !== "new") return false;
  const deadline = run.deadline ?? runDeadline(run.time_queued);
  return Date.parse(deadline) < now.getTime();
}

/**
 * Only a run the console created carries its own deadline (`_deadline`): a
 * run the app wrote (trigger api or manual included) is the app's to end, so
 * it may be stuck but is never orphaned, and the sweep never fails it.
 */
export function isOrphaned(run: { status: RunStatus; trigger: Trigger; deadline?: string | null; time_queued: string }, now: Date): boolean {
  return run.trigger !== "cron" && Boolean(run.deadline) && isStuck(run, now);
}

export const ORPHANED_REASON =
  "The console stopped waiting for this run before its handler answered (the console restarted or lost the connection). The handler may or may not have run.";
