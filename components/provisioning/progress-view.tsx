"use client";

import { StatusBadge } from "@/components/provisioning/status-badge";
import type { StepId, StepRunStatus } from "@/lib/provisioning/model";

export type ProgressItem = { id: string; step: StepId; title: string; status: StepRunStatus; ms?: number; message?: string };

/** Live progress of an apply, announced politely to screen readers. */
export function ProgressView({ items, summary }: { items: ProgressItem[]; summary: string | null }) {
  const finished = items.filter((i) => i.status === "done" || i.status === "failed" || i.status === "skipped").length;
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
      <h2 id="progress-heading" className="text-lg font-semibold">Applying</h2>
      <progress className="h-2 w-full" max={items.length || 1} value={finished} aria-label={`${finished} of ${items.length} changes finished`} />
      <ol className="flex flex-col gap-1 text-sm">
        {items.map((i) => (
          <li key={i.id} data-testid={`progress-${i.id}`} data-status={i.status} className="flex min-w-0 items-start gap-3">
            <span className="w-16 shrink-0"><StatusBadge status={i.status} /></span>
            <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
              <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{i.step}</span> {i.title}
              {i.message ? <span className="block text-red-800 dark:text-red-300">{i.message}</span> : null}
            </span>
            <span className="w-16 shrink-0 text-right tabular-nums text-slate-600 dark:text-slate-400">{i.ms !== undefined ? `${i.ms} ms` : ""}</span>
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className="text-sm font-medium">{summary ?? `${finished} of ${items.length} finished…`}</p>
    </section>
  );
}
