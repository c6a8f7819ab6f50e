"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Disclosure } from "@/components/ui/disclosure";
import { DiffLines } from "@/components/provisioning/diff-lines";
import { RowActions } from "@/components/provisioning/row-actions";
import { StatusBadge } from "@/components/provisioning/status-badge";
import type { ChecklistRow, StepId, StepRunStatus } from "@/lib/provisioning/model";

const LIVE_LABEL: Record<StepRunStatus, string> = { waiting: "queued", running: "applying…", done: "applied", failed: "failed", skipped: "skipped" };

function hasDetails(row: ChecklistRow): boolean {
  return Boolean(row.details.length || row.diff.length || row.links.length || row.copyText || row.manual);
}

/**
 * One row per setup step. The status, summary and the row's main action are
 * always visible; details (drift, documents, links) open with a disclosure,
 * already open when something is wrong. During an apply a row shows its live
 * state instead of the read from before.
 */
export function ChecklistTable({ env, rows, live, fixOf }: { env: string; rows: ChecklistRow[]; live?: Map<StepId, StepRunStatus>; fixOf?: (step: StepId) => string | undefined }) {
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900" aria-label="Provisioning checklist">
      {rows.map((row) => {
        const now = live?.get(row.id);
        const fix = row.status === "manual" || row.status === "blocked" ? fixOf?.(row.id) : undefined;
        const badge = now ? (
          <>
            <StatusBadge status={now} />
            <span className="sr-only"> ({LIVE_LABEL[now]}; was {row.status})</span>
          </>
        ) : (
          <StatusBadge status={row.status} />
        );
        return (
          <li key={row.id} data-testid={`step-${row.id}`} data-status={row.status} data-live={now} className="flex min-w-0 flex-col gap-2 px-3 py-3 sm:px-4">
            <div className="flex min-w-0 items-start gap-3">
              <span className="w-7 shrink-0 pt-0.5 font-mono text-sm text-slate-600 dark:text-slate-400">{row.id}</span>
              {/* A column of its own on wide screens; before the title on phones, so the text keeps the width. */}
              <span className="hidden w-20 shrink-0 sm:block">{badge}</span>
              <span className="min-w-0 flex-1">
                <span className="block font-medium">
                  <span className="mr-2 sm:hidden">{badge}</span>
                  {row.title}
                </span>
                <span className="block text-sm text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">{row.summary}</span>
                {row.blockedBy ? (
                  <span className="mt-1 block text-sm text-red-800 dark:text-red-300">
                    Missing permission: <code className="break-all">{row.blockedBy}</code>
                  </span>
                ) : null}
                {fix && !now ? (
                  <a href={`#${fix}`} className="mt-1 inline-block text-sm text-blue-700 underline dark:text-blue-300">
                    How to finish this step<span className="sr-only"> ({row.id})</span>
                  </a>
                ) : null}
              </span>
            </div>
            <div className="flex min-w-0 flex-col gap-2 pl-0 sm:pl-[8.25rem]">
              <RowActions env={env} row={row} />
              {hasDetails(row) ? (
                <Disclosure key={row.status} summary={`Details of step ${row.id}`} defaultExpanded={row.status === "drifted" || row.status === "blocked"}>
                  <div className="flex min-w-0 flex-col gap-3 text-sm">
                    {row.manual ? <p className="text-blue-900 dark:text-blue-200">{row.manual}</p> : null}
                    {row.details.length ? (
                      <ul className="list-disc pl-5 text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
                        {row.details.map((d, i) => <li key={i}>{d}</li>)}
                      </ul>
                    ) : null}
                    <DiffLines lines={row.diff} label={`Drift of step ${row.id}`} />
                    {row.copyText ? (
                      <div className="flex min-w-0 flex-col gap-2">
                        <pre tabIndex={0} aria-label={`Text of step ${row.id}`} className="overflow-x-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-800">{row.copyText}</pre>
                        <div><CopyButton text={row.copyText} /></div>
                      </div>
                    ) : null}
                    {row.links.length ? (
                      <ul className="flex flex-wrap gap-x-4 gap-y-1">
                        {row.links.map((l) => (
                          <li key={l.href} className="min-w-0 break-words">
                            <a className="text-blue-700 underline dark:text-blue-300" href={l.href} target="_blank" rel="noreferrer">
                              {l.label}<span className="sr-only"> (AWS console, opens in a new tab)</span>
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                </Disclosure>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
