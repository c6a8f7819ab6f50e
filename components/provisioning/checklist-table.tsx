"use client";

import { CopyButton } from "@/components/provisioning/copy-button";
import { DiffLines } from "@/components/provisioning/diff-lines";
import { RowActions } from "@/components/provisioning/row-actions";
import { StatusBadge } from "@/components/provisioning/status-badge";
import type { ChecklistRow } from "@/lib/provisioning/model";

/** One row per setup step; details open with a native disclosure (keyboard friendly). */
export function ChecklistTable({ env, rows, onChanged }: { env: string; rows: ChecklistRow[]; onChanged: () => void }) {
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Provisioning checklist">
      {rows.map((row) => {
        const hasMore = row.details.length || row.diff.length || row.links.length || row.copyText || row.manual || row.blockedBy || row.id === "1" || ["5c", "6", "7", "9"].includes(row.id);
        return (
          <li key={row.id} data-testid={`step-${row.id}`} data-status={row.status} className="px-4 py-3">
            <details open={row.status === "drifted" || row.status === "blocked"}>
              <summary className={`flex cursor-pointer list-none items-start gap-3 ${hasMore ? "" : "cursor-default"}`}>
                <span className="w-8 shrink-0 font-mono text-sm text-slate-500">{row.id}</span>
                <span className="w-20 shrink-0"><StatusBadge status={row.status} /></span>
                <span className="flex-1">
                  <span className="font-medium">{row.title}</span>
                  <span className="block text-sm text-slate-600">{row.summary}</span>
                </span>
              </summary>
              <div className="mt-3 flex flex-col gap-3 pl-32 text-sm">
                {row.blockedBy ? <p className="text-red-800">Missing permission: <code>{row.blockedBy}</code></p> : null}
                {row.manual ? <p className="text-blue-900">{row.manual}</p> : null}
                {row.details.length ? (
                  <ul className="list-disc pl-5 text-slate-700">
                    {row.details.map((d, i) => <li key={i}>{d}</li>)}
                  </ul>
                ) : null}
                <DiffLines lines={row.diff} label={`Drift of step ${row.id}`} />
                {row.copyText ? (
                  <div className="flex flex-col gap-2">
                    <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-xs">{row.copyText}</pre>
                    <div><CopyButton text={row.copyText} /></div>
                  </div>
                ) : null}
                {row.links.length ? (
                  <ul className="flex flex-wrap gap-x-4 gap-y-1">
                    {row.links.map((l) => (
                      <li key={l.href}><a className="text-blue-700 underline" href={l.href} target="_blank" rel="noreferrer">{l.label}<span className="sr-only"> (AWS console, opens in a new tab)</span></a></li>
                    ))}
                  </ul>
                ) : null}
                <RowActions env={env} row={row} onChanged={onChanged} />
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
