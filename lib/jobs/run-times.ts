import type { RunStatus } from "@/lib/jobs/stuck";

/**
 * A run's times and its duration, the one rule the list, the drawer, the CLI
 * and the aggregate rows share. Pure.
 *
 * The blueprint irma:schd_runs has two times: `time_queued` (put in the
 * pipeline) and `time_executed` ("finished executing", i.e. when the run
 * ended). The duration of an ended run is:
 *   1. the handler call time the console measured (`_duration_ms`), when the
 *      console dispatched the run and saw it end;
 *   2. otherwise time_executed − time_queued: runs the TankTower app wrote, and
 *      runs the console ended without calling a handler to the end (marked
 *      failed, stuck past their deadline), which then show how long they were
 *      in the pipeline before they ended.
 * A run still `new`, a run without a readable end time, or one whose end is
 * before its queue time (bad data) has no duration (null).
 */
function text(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** Any time Date can read (ISO with or without zone, taken as UTC when it has none), as ISO-8601 UTC. */
export function isoTime(v: unknown): string | undefined {
  const s = text(v);
  if (!s) return undefined;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(" ", "T")}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export type RunTimes = {
  status: RunStatus;
  timeQueued: string;
  timeExecuted?: string | null;
  /** The handler call time the console measured, if it did. */
  measuredMs?: number | null;
};

export function runDurationMs(run: RunTimes): number | null {
  if (run.status === "new") return null;
  if (typeof run.measuredMs === "number" && Number.isFinite(run.measuredMs) && run.measuredMs >= 0) return Math.round(run.measuredMs);
  const queued = isoTime(run.timeQueued);
  const executed = isoTime(run.timeExecuted);
  if (!queued || !executed) return null;
  const span = Date.parse(executed) - Date.parse(queued);
  return span >= 0 ? span : null;
}

/** The same rule for a stored run record (lib/jobs/run-items.ts field names). */
export function recordDurationMs(run: { status: RunStatus; time_queued: string; time_executed?: string; duration_ms?: number }): number | null {
  return runDurationMs({ status: run.status, timeQueued: run.time_queued, timeExecuted: run.time_executed ?? null, measuredMs: run.duration_ms ?? null });
}
