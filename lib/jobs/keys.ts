/**
 * Keys of everything the job dashboard keeps in `<env>_data` (see docs/data-model.md).
 * Isomorphic and pure.
 *
 * Documents (job types, runs) follow the documents convention: portfolio `sys`,
 * doc_index `<blueprint name>#<doc id>`, time_index `<blueprint name>#<ISO time>#<doc id>`.
 * docIndex/timeIndex are the document store's (lib/documents/keys.ts).
 *
 * Beside each run the console writes small "run index rows" (one per filter dimension)
 * and per-day aggregate rows, so a filtered page and the charts read a bounded number of items.
 */
import { docIndex, SYSTEM_PORTFOLIO, timeIndex } from "@/lib/documents/keys";

export const SYS_PORTFOLIO = SYSTEM_PORTFOLIO;
export const JOBS_BLUEPRINT = "schd_jobs";
export const RUNS_BLUEPRINT = "schd_runs";
export const JOBS_IRN = "irn:blueprint:irma:schd_jobs";
export const RUNS_IRN = "irn:blueprint:irma:schd_runs";

/** The seed's version of both blueprints, recorded on the documents the console writes. */
export const BLUEPRINT_VERSION = "0.0.1";

export { docIndex, timeIndex };

export function documentKey(blueprint: string, id: string) {
  return { portfolio_index: SYS_PORTFOLIO, doc_index: docIndex(blueprint, id) };
}

/** The dimensions a run list can be filtered by; `all` is the unfiltered list. */
export const RUN_DIMENSIONS = ["status", "job", "trigger", "author"] as const;
export type RunDimension = (typeof RUN_DIMENSIONS)[number];

/** Partition of a run index row: `sys#runs#all` or `sys#runs#<dimension>=<value>`. */
export function runIndexPartition(dimension: RunDimension | "all", value?: string): string {
  return dimension === "all" ? `${SYS_PORTFOLIO}#runs#all` : `${SYS_PORTFOLIO}#runs#${dimension}=${value ?? ""}`;
}

/** Sort key of a run index row: newest first by time queued, unique by run id. */
export function runIndexSort(timeQueued: string, runId: string): string {
  return timeIndex(RUNS_BLUEPRINT, timeQueued, runId);
}

/** Lower and upper bounds of the sort key for a time range (inclusive, ISO strings). */
export function runTimeBounds(from?: string, to?: string): { lower: string; upper: string } {
  return {
    lower: `${RUNS_BLUEPRINT}#${from ?? ""}`,
    // "~" sorts after every character an ISO time or a UUID uses.
    upper: `${RUNS_BLUEPRINT}#${to ?? ""}~`,
  };
}

export const STATS_PARTITION = `${SYS_PORTFOLIO}#runstats`;

/** One aggregate row per UTC day and job type. */
export function statsSort(day: string, jobId: string): string {
  return `${day}#${jobId}`;
}

export const IDEMPOTENCY_PARTITION = `${SYS_PORTFOLIO}#idem`;
export const BULK_PARTITION = `${SYS_PORTFOLIO}#bulk`;
export const SEED_PARTITION = `${SYS_PORTFOLIO}#seed`;
