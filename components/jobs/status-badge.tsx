import { STATUS_STYLE } from "@/components/jobs/format";

const FLAG_STYLE = "rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100";

/** A run's status; a run still new past its deadline is flagged stuck, or orphaned when the console dispatched it. */
export function RunStatusBadge({ status, stuck, orphaned }: { status: string; stuck?: boolean; orphaned?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? ""}`}>{status}</span>
      {orphaned ? <span className={FLAG_STYLE}>orphaned</span> : stuck ? <span className={FLAG_STYLE}>stuck</span> : null}
    </span>
  );
}

/** The short form of an orphaned run's reason, for tables and lists (the drawer shows it whole). */
export const ORPHANED_NOTE = "The console stopped waiting for it (e.g. a restart); it is failed shortly.";
