import type { ChecklistRow, StepStatus } from "@/lib/provisioning/model";

/** An environment's health at a glance, summarised from its checklist. Pure and isomorphic. */
export const HEALTH_STATUSES = ["green", "manual", "incomplete", "not-provisioned", "drifted", "blocked", "unreachable"] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export function countStatuses(rows: Pick<ChecklistRow, "status">[]): Record<StepStatus, number> {
  const counts: Record<StepStatus, number> = { done: 0, missing: 0, drifted: 0, blocked: 0, manual: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

/** Steps the console creates; none of them done (and nothing in the way) means never provisioned. */
const CREATED_BY_APPLY = new Set(["3", "4a", "4", "5", "8"]);

/**
 * The worst state wins: unreachable (AWS did not answer who we are), blocked,
 * drifted, then never provisioned, incomplete (something missing), manual
 * (only people's steps left), green.
 */
export function summarizeHealth(rows: Pick<ChecklistRow, "id" | "status">[], reachable: boolean): HealthStatus {
  if (!reachable) return "unreachable";
  const counts = countStatuses(rows);
  if (counts.blocked) return "blocked";
  if (counts.drifted) return "drifted";
  if (!rows.some((r) => CREATED_BY_APPLY.has(r.id) && r.status === "done")) return "not-provisioned";
  if (counts.missing) return "incomplete";
  if (counts.manual) return "manual";
  return "green";
}

/** Runs `fn` over items with at most `limit` at once, keeping the input order in the result. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
