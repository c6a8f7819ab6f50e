import type { StepRunStatus, StepStatus } from "@/lib/provisioning/model";

const STYLES: Record<StepStatus | StepRunStatus, string> = {
  done: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100",
  missing: "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100",
  drifted: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-50",
  blocked: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
  manual: "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100",
  waiting: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  running: "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
  skipped: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

export function StatusBadge({ status }: { status: StepStatus | StepRunStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STYLES[status]}`}>{status}</span>;
}

/** The checklist at a glance: one segment per status, in proportion. */
export function StatusBar({ counts }: { counts: Record<StepStatus, number> }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
  const order: StepStatus[] = ["done", "manual", "missing", "drifted", "blocked"];
  const colors: Record<StepStatus, string> = { done: "bg-green-500", manual: "bg-blue-400", missing: "bg-slate-400", drifted: "bg-amber-400", blocked: "bg-red-500" };
  const label = order.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(", ");
  return (
    <div>
      <div className="flex h-3 w-full overflow-hidden rounded bg-slate-100 dark:bg-slate-800" role="img" aria-label={`Checklist: ${label}`}>
        {order.map((s) => (counts[s] ? <div key={s} className={colors[s]} style={{ width: `${(counts[s] / total) * 100}%` }} /> : null))}
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden>{label}</p>
    </div>
  );
}
