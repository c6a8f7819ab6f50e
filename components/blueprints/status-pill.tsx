import type { Status } from "@/lib/blueprints/lifecycle";

export function StatusPill({ status }: { status: Status }) {
  return status === "draft" ? (
    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">draft</span>
  ) : (
    <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900 dark:bg-green-900/40 dark:text-green-100">final</span>
  );
}
