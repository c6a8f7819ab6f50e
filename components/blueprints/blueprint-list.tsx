"use client";

import Link from "next/link";
import { documentsHref } from "@/components/documents/queries";
import { SYSTEM_PORTFOLIO } from "@/lib/documents/keys";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { blueprintHref } from "@/components/blueprints/links";
import { useBlueprints } from "@/components/blueprints/queries";
import { StatusPill } from "@/components/blueprints/status-pill";

const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-300";

export function BlueprintList({ env }: { env: string }) {
  const blueprints = useBlueprints(env);
  return (
    <>
      <PageHeader
        title={`Blueprints of ${env}`}
        description="The schemas of this environment's documents: each version is a draft until published, then final."
        actions={
          <Link href={`/environments/${encodeURIComponent(env)}/blueprints/new`} className="rounded-md bg-blue-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-blue-800">
            New or import
          </Link>
        }
      />
      <p className="mb-4 text-sm">
        <Link className={link} href={`/environments/${encodeURIComponent(env)}`}>
          ← {env}
        </Link>
      </p>
      {blueprints.isError ? <Alert tone="error">{blueprints.error.message}</Alert> : null}
      {blueprints.isPending ? <p role="status">Loading blueprints…</p> : null}
      {blueprints.data && blueprints.data.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-600 dark:text-slate-300">
          No blueprints yet. Provisioning installs the three default ones (step 8).
        </p>
      ) : null}
      {blueprints.data && blueprints.data.length > 0 ? (
        <DataTable caption={`Blueprints of ${env}`} columns={["Blueprint", "irn", "Latest version", "Status", "Versions", "Documents"]}>
          {blueprints.data.map((b) => (
            <tr key={b.irn} className="border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50">
              <td className="px-4 py-2 font-medium">
                <Link className={link} href={blueprintHref(env, b.irn)}>
                  {b.label}
                </Link>
              </td>
              <td className="px-4 py-2 font-mono text-xs">{b.irn}</td>
              <td className="px-4 py-2 font-mono">{b.latestVersion}</td>
              <td className="px-4 py-2">
                <StatusPill status={b.status} />
              </td>
              <td className="px-4 py-2">{b.versions}</td>
              <td className="px-4 py-2">
                <Link className={link} href={documentsHref({ env, portfolio: SYSTEM_PORTFOLIO, blueprint: b.name })} aria-label={`${b.name} documents${b.documents === null ? "" : ` (${b.documents})`}`}>
                  {b.documents ?? "Open"}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
