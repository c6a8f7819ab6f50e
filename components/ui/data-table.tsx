import type { ReactNode } from "react";

/** The bordered table of list pages: a caption for screen readers, column headers, and the rows given. */
export function DataTable({ caption, columns, busy, children }: { caption: string; columns: ReactNode[]; busy?: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className="px-4 py-2 font-medium">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
