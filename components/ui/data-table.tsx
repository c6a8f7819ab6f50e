import type { ReactNode } from "react";

/**
 * The bordered table of list pages: a caption for screen readers, column
 * headers, and the rows given. On narrow screens the table scrolls inside its
 * card (a focusable region, so keyboard users can scroll it too) instead of
 * widening the page.
 */
export function DataTable({ caption, columns, busy, children }: { caption: string; columns: ReactNode[]; busy?: boolean; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="relative max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <table className="w-full text-left text-sm" aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-4 py-2 font-medium">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody className="[&>tr]:border-b [&>tr]:border-slate-100 [&>tr:last-child]:border-0 dark:[&>tr]:border-slate-800">{children}</tbody>
      </table>
    </div>
  );
}
