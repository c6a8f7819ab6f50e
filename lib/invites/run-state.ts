import { isStale } from "@/lib/invites/liveness";

/**
 * What a bulk run's stored state means to a reader, and what a resume may
 * take over; pure (time is passed in). A read never writes: a run still
 * stored "running" whose heartbeat went stale lost its server without saying
 * so (a crash, a kill); it is shown interrupted (`stale`), with its heartbeat
 * as when it was last seen, while the item stays as its server left it. The
 * status is written only by the process driving the run (progress, done, or
 * interrupted when it shuts down) and by a resume, which takes the run over.
 */
export type RunStatus = "running" | "done" | "interrupted";

export type StoredRunState = { status: RunStatus; heartbeatAt: string | null; updatedAt: string; finishedAt: string | null };
export type ShownRunState = { status: RunStatus; stale: boolean; heartbeatAt: string | null; finishedAt: string | null };

export function shownRunState(stored: StoredRunState, now: Date): ShownRunState {
  // A run without a heartbeat (written before heartbeats existed) is judged by its last update.
  const stale = stored.status === "running" && isStale(stored.heartbeatAt ?? stored.updatedAt, now);
  // Nothing recorded the end of a stale run: no finishedAt; heartbeatAt says when it was last seen.
  return { status: stale ? "interrupted" : stored.status, stale, heartbeatAt: stored.heartbeatAt, finishedAt: stale ? null : stored.finishedAt };
}

export type Counts = { processed: number; invited: number; failed: number };

/**
 * The counters shown. While a run goes on, its server's counters (the rows'
 * results are flushed in batches). Once nothing runs, the rows are the truth:
 * a server that died may not have written its last counters.
 */
export function shownCounts(status: RunStatus, stored: Counts, results: readonly { status: "invited" | "failed" }[]): Counts {
  if (status === "running") return { processed: stored.processed, invited: stored.invited, failed: stored.failed };
  const invited = results.filter((r) => r.status === "invited").length;
  return { processed: results.length, invited, failed: results.length - invited };
}

/**
 * Whether a resume may take the run over, and on which condition (checked by
 * the write that claims it, so two resumes, or a server that was only slow,
 * cannot both go on): a run its server recorded interrupted, or one still
 * "running" whose heartbeat is stale and unchanged since it was read.
 */
export type Takeover =
  | { ok: true; expect: { status: "interrupted" } | { status: "running"; heartbeatAt: string | null } }
  | { ok: false; reason: "running" | "done" };

export function takeover(stored: StoredRunState, now: Date): Takeover {
  if (stored.status === "done") return { ok: false, reason: "done" };
  if (stored.status === "interrupted") return { ok: true, expect: { status: "interrupted" } };
  if (!shownRunState(stored, now).stale) return { ok: false, reason: "running" };
  return { ok: true, expect: { status: "running", heartbeatAt: stored.heartbeatAt } };
}
