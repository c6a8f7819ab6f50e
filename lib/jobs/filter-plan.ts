import { RUN_DIMENSIONS, runIndexPartition, runTimeBounds, type RunDimension } from "@/lib/jobs/keys";

/**
 * The run filter key plan: which partition of run index rows a filtered page
 * reads, and which conditions remain for a filter expression. Pure.
 *
 * Each run has one small index row in `sys#runs#all` and one per dimension
 * (`sys#runs#status=failed`, `sys#runs#job=<id>`, …), sorted by time queued. A
 * single-dimension filter is then one Query newest first; a time range is a key
 * condition; with several filters the most selective dimension is the
 * partition and the others are filter expressions on the (copied) row
 * attributes, so a page reads about limit / (share of the other filters) rows.
 */
export type RunFilter = Partial<Record<RunDimension, string>> & { from?: string; to?: string };

export type FilterPlan = {
  partition: string;
  dimension: RunDimension | "all";
  lower: string;
  upper: string;
  /** Conditions on the other dimensions, checked as a FilterExpression. */
  residual: Array<{ attribute: string; value: string }>;
};

/** Which attribute of an index row holds each dimension's value. */
export const DIMENSION_ATTRIBUTE: Record<RunDimension, string> = {
  status: "status",
  job: "schd_jobs_id",
  trigger: "trigger",
  author: "author",
};

/**
 * Without estimates, a person (author) and a job are usually narrower than a
 * status, and a trigger is the broadest; estimates (run counts from the
 * aggregates) override this order.
 */
const DEFAULT_ORDER: readonly RunDimension[] = ["author", "job", "status", "trigger"];

export function planRunFilter(filter: RunFilter, estimates: Partial<Record<RunDimension, number>> = {}): FilterPlan {
  const present = RUN_DIMENSIONS.filter((d) => filter[d] !== undefined && filter[d] !== "");
  const { lower, upper } = runTimeBounds(filter.from, filter.to);
  if (present.length === 0) return { partition: runIndexPartition("all"), dimension: "all", lower, upper, residual: [] };
  const ranked = [...present].sort((a, b) => {
    const ea = estimates[a];
    const eb = estimates[b];
    if (ea !== undefined && eb !== undefined && ea !== eb) return ea - eb;
    if (ea !== undefined && eb === undefined) return -1;
    if (eb !== undefined && ea === undefined) return 1;
    return DEFAULT_ORDER.indexOf(a) - DEFAULT_ORDER.indexOf(b);
  });
  const chosen = ranked[0] as RunDimension;
  return {
    partition: runIndexPartition(chosen, filter[chosen]),
    dimension: chosen,
    lower,
    upper,
    residual: ranked.slice(1).map((d) => ({ attribute: DIMENSION_ATTRIBUTE[d], value: filter[d] as string })),
  };
}

/** The partitions a run's index rows live in (for writes and for moving a status row). */
export function runIndexPartitions(run: { status: string; schd_jobs_id: string; trigger: string; author: string }): string[] {
  return [
    runIndexPartition("all"),
    runIndexPartition("status", run.status),
    runIndexPartition("job", run.schd_jobs_id),
    runIndexPartition("trigger", run.trigger),
    runIndexPartition("author", run.author),
  ];
}

/** A cursor must point inside the plan's partition and range, or it was forged or belongs to another filter. */
export function cursorFitsPlan(plan: FilterPlan, key: Record<string, unknown>): boolean {
  const keys = Object.keys(key).sort().join(",");
  if (keys !== "doc_index,portfolio_index") return false;
  const sort = key.doc_index;
  return key.portfolio_index === plan.partition && typeof sort === "string" && sort >= plan.lower && sort <= plan.upper;
}
