import type { EnvironmentHealth, HealthStatus } from "@/lib/provisioning/health-model";

const LABEL: Record<HealthStatus, string> = {
  green: "Green",
  manual: "Needs you",
  incomplete: "Incomplete",
  "not-provisioned": "Not provisioned",
  drifted: "Drifted",
  blocked: "Blocked",
  unreachable: "Unreachable",
};

const STYLE: Record<HealthStatus, string> = {
  green: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100",
  manual: "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100",
  incomplete: "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100",
  "not-provisioned": "bg-slate-100 text-slate-800 ring-1 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  // Drift is the state people miss: it stands out with a ring and a mark.
  drifted: "bg-amber-100 text-amber-950 ring-2 ring-amber-500 dark:bg-amber-900/60 dark:text-amber-50 dark:ring-amber-400",
  blocked: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
  unreachable: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
};

export function healthLabel(status: HealthStatus): string {
  return LABEL[status];
}

export function HealthBadge({ status }: { status: HealthStatus }) {
  return (
    <span data-health={status} className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${STYLE[status]}`}>
      {status === "drifted" || status === "blocked" || status === "unreachable" ? <span aria-hidden>!</span> : null}
      {LABEL[status]}
    </span>
  );
}

/** "11 done · 2 manual": the non-zero counts, in checklist order. */
export function countsText(h: Pick<EnvironmentHealth, "counts">): string {
  const order = ["done", "manual", "missing", "drifted", "blocked"] as const;
  return order.filter((s) => (h.counts[s] ?? 0) > 0).map((s) => `${h.counts[s]} ${s}`).join(" · ");
}
