"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { useEnvironments } from "@/components/environments/queries";
import { credentialsLabel } from "@/components/environments/labels";

export function EnvironmentList() {
  const environments = useEnvironments();
  return (
    <>
      <PageHeader
        title="Environments"
        description="Each environment is a self-contained set of AWS resources for TankTower apps."
        actions={
          <Link href="/environments/new" className="rounded-md bg-blue-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-blue-800">
            Add environment
          </Link>
        }
      />
      {environments.isError ? <Alert tone="error">{environments.error.message}</Alert> : null}
      {environments.isPending ? <p role="status">Loading environments…</p> : null}
      {environments.data && environments.data.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-8 text-center text-slate-600">
          No environments yet. <Link className="text-blue-700 underline" href="/environments/new">Add the first one</Link>.
        </p>
      ) : null}
      {environments.data && environments.data.length > 0 ? (
        <DataTable caption="Registered environments" columns={["Name", "Region", "Account", "Credentials", "Updated", <span key="a" className="sr-only">Actions</span>]}>
              {environments.data.map((env) => (
                <tr key={env.name} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                  <td className="px-4 py-2 font-medium">
                    <Link className="text-blue-700 underline-offset-2 hover:underline" href={`/environments/${env.name}`}>
                      {env.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{env.region}</td>
                  <td className="px-4 py-2 font-mono">{env.accountId ?? "—"}</td>
                  <td className="px-4 py-2">{credentialsLabel(env.credentials)}</td>
                  <td className="px-4 py-2 text-slate-600">
                    <time dateTime={env.updatedAt}>{new Date(env.updatedAt).toLocaleString()}</time> by {env.updatedBy}
                  </td>
                  <td className="px-4 py-2">
                    <Link className="text-blue-700 underline-offset-2 hover:underline" href={`/environments/${env.name}/provisioning`}>
                      Checklist<span className="sr-only"> of {env.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
        </DataTable>
      ) : null}
    </>
  );
}
