"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState, Skeleton } from "@/components/ui/states";
import { countsText, HealthBadge } from "@/components/environments/health-badge";
import { useEnvironmentHealth, useEnvironments } from "@/components/environments/queries";
import { credentialsLabel } from "@/components/environments/labels";
import type { Environment } from "@/lib/environments/schema";
import type { EnvironmentHealth } from "@/lib/provisioning/health-model";

const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-300";

function Health({ health, pending }: { health: EnvironmentHealth | undefined; pending: boolean }) {
  if (!health) return pending ? <Skeleton className="h-5 w-24" /> : <span className="text-slate-600 dark:text-slate-400">—</span>;
  return (
    <span className="flex flex-col items-start gap-0.5">
      <HealthBadge status={health.status} />
      <span className="text-xs text-slate-600 dark:text-slate-400">{countsText(health)}</span>
    </span>
  );
}

function lastApplied(health: EnvironmentHealth | undefined): string {
  if (!health?.lastAppliedAt) return "never";
  return new Date(health.lastAppliedAt).toLocaleString();
}

export function EnvironmentList() {
  const environments = useEnvironments();
  const [fresh, setFresh] = useState(false);
  const health = useEnvironmentHealth(fresh);
  const byName = new Map((health.data ?? []).map((h) => [h.environment, h]));
  const drifted = (health.data ?? []).filter((h) => h.status === "drifted").length;

  if (environments.isPending) return <LoadingState title="Environments" label="Loading environments…" />;
  if (environments.isError) {
    return (
      <ErrorState level={1} title="The environments could not be listed" action={<Button onClick={() => void environments.refetch()}>Try again</Button>}>
        {environments.error.message}
      </ErrorState>
    );
  }
  const list: Environment[] = environments.data;

  return (
    <>
      <PageHeader
        title="Environments"
        description="Each environment is a self-contained set of AWS resources for TankTower apps. Status is read live from each account."
        actions={
          <>
            <Button
              variant="secondary"
              busy={health.isFetching}
              onClick={() => {
                if (fresh) void health.refetch();
                else setFresh(true);
              }}
            >
              Refresh status
            </Button>
            <ButtonLink href="/environments/new">Add environment</ButtonLink>
          </>
        }
      />
      {health.isError ? <p role="status" className="mb-4 text-sm text-red-800 dark:text-red-300">Status could not be read: {health.error.message}</p> : null}
      {drifted ? (
        <p role="status" className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-50">
          {drifted} environment{drifted === 1 ? " has" : "s have"} drifted from the setup document: open the checklist to see the difference and repair it.
        </p>
      ) : null}
      {list.length === 0 ? (
        <EmptyState title="No environments yet" action={<ButtonLink href="/environments/new">Add the first environment</ButtonLink>}>
          An environment is an AWS account and region the console provisions for TankTower.
        </EmptyState>
      ) : (
        <>
          {/* Wide screens: a table. */}
          <div className="hidden md:block">
            <DataTable caption="Registered environments" busy={health.isFetching} columns={["Name", "Status", "Account · region", "Last applied", "Credentials", <span key="a" className="sr-only">Actions</span>]}>
              {list.map((env) => {
                const h = byName.get(env.name);
                return (
                  <tr key={env.name} data-testid={`env-${env.name}`} className={h?.status === "drifted" ? "bg-amber-50/70 dark:bg-amber-950/30" : "hover:bg-slate-50 dark:hover:bg-slate-800/40"}>
                    <td className="px-4 py-2 font-medium">
                      <Link className={link} href={`/environments/${env.name}`}>{env.name}</Link>
                    </td>
                    <td className="px-4 py-2"><Health health={h} pending={health.isPending} /></td>
                    <td className="px-4 py-2"><span className="font-mono">{h?.accountId ?? env.accountId ?? "—"}</span> · {env.region}</td>
                    <td className="px-4 py-2 text-slate-600 dark:text-slate-300">{health.isPending ? <Skeleton className="h-4 w-28" /> : lastApplied(h)}</td>
                    <td className="px-4 py-2">{credentialsLabel(env.credentials)}</td>
                    <td className="px-4 py-2">
                      <Link className={link} href={`/environments/${env.name}/provisioning`}>
                        Checklist<span className="sr-only"> of {env.name}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </div>
          {/* Narrow screens: one card per environment. */}
          <ul className="flex flex-col gap-3 md:hidden" aria-label="Registered environments">
            {list.map((env) => {
              const h = byName.get(env.name);
              return (
                <li
                  key={env.name}
                  data-testid={`env-card-${env.name}`}
                  className={`rounded-lg border bg-white p-4 dark:bg-slate-900 ${h?.status === "drifted" ? "border-amber-500" : "border-slate-200 dark:border-slate-700"}`}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <Link className={`${link} min-w-0 break-all font-medium`} href={`/environments/${env.name}`}>{env.name}</Link>
                    <Health health={h} pending={health.isPending} />
                  </div>
                  <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-slate-600 dark:text-slate-400">Account</dt>
                    <dd className="min-w-0 break-all font-mono">{h?.accountId ?? env.accountId ?? "—"} · {env.region}</dd>
                    <dt className="text-slate-600 dark:text-slate-400">Last applied</dt>
                    <dd>{health.isPending ? "…" : lastApplied(h)}</dd>
                    <dt className="text-slate-600 dark:text-slate-400">Credentials</dt>
                    <dd className="min-w-0 break-words">{credentialsLabel(env.credentials)}</dd>
                  </dl>
                  <Link className={`${link} mt-2 inline-block text-sm`} href={`/environments/${env.name}/provisioning`}>
                    Checklist<span className="sr-only"> of {env.name}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
