import { STATUS_STYLE } from "@/components/jobs/format";

export function RunStatusBadge({ status, stuck }: { status: string; stuck?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? ""}`}>{status}</span>
      {stuck ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">stuck</span> : null}
    </span>
  );
}
