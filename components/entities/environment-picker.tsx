"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { useEnvironments } from "@/components/environments/queries";
import { card, link, muted } from "@/components/entities/styles";

/** Entities live in an environment: pick one (the list holds only the environments you may see). */
export function EnvironmentPicker() {
  const environments = useEnvironments();
  return (
    <>
      <PageHeader title="Entities" description="Users, teams, orgs, portfolios and apps, per environment." />
      {environments.isError ? <Alert tone="error">{environments.error.message}</Alert> : null}
      {environments.isPending ? <p role="status">Loading environments…</p> : null}
      {environments.data?.length === 0 ? <p className={muted}>You have no environment yet.</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {(environments.data ?? []).map((env) => (
          <li key={env.name} className={card}>
            <Link className={`${link} text-lg font-semibold`} href={`/environments/${env.name}/entities`}>{env.name}</Link>
            <p className={`mt-1 text-sm ${muted}`}>{env.description ?? env.region}</p>
            <p className="mt-2 text-sm">
              <Link className={link} href={`/environments/${env.name}/invites`}>Invites<span className="sr-only"> of {env.name}</span></Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
