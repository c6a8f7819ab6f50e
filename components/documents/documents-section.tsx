"use client";

import Link from "next/link";
import { useBlueprints } from "@/components/blueprints/queries";
import { documentsHref } from "@/components/documents/queries";
import { SYSTEM_PORTFOLIO } from "@/lib/documents/keys";

/** The environment page's way into documents: one link per blueprint (portfolio sys until portfolios are entities). */
export function DocumentsSection({ env }: { env: string }) {
  const blueprints = useBlueprints(env);
  return (
    <section aria-labelledby="documents-heading" className="my-6 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="documents-heading" className="text-lg font-semibold">Documents</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Documents of each blueprint in the system portfolio ({SYSTEM_PORTFOLIO}).</p>
      {/* Usually an environment not provisioned yet: worth a line here, not an alarm. */}
      {blueprints.isError ? <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">No blueprints to show: {blueprints.error.message}</p> : null}
      {blueprints.isPending ? <p role="status" className="mt-3 text-sm">Loading blueprints…</p> : null}
      {blueprints.data && blueprints.data.length === 0 ? <p className="mt-3 text-sm">No blueprints yet: provision the environment first.</p> : null}
      {blueprints.data && blueprints.data.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2">
          {blueprints.data.map((b) => (
            <li key={b.irn}>
              <Link
                href={documentsHref({ env, portfolio: SYSTEM_PORTFOLIO, blueprint: b.name })}
                className="inline-block rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-blue-700 hover:bg-slate-100 dark:border-slate-600 dark:text-blue-300 dark:hover:bg-slate-800"
              >
                {b.label} <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{b.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
