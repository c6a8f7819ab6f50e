"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { useEnvironments } from "@/components/environments/queries";
import { blueprintsHref } from "@/components/blueprints/links";

/** Blueprints belong to an environment: pick one. */
export function BlueprintEnvironments() {
  const environments = useEnvironments();
  return (
    <>
      <PageHeader title="Blueprints" description="Each environment has its own blueprints. Choose an environment." />
      {environments.isError ? <Alert tone="error">{environments.error.message}</Alert> : null}
      {environments.isPending ? <p role="status">Loading environments…</p> : null}
      {environments.data ? (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {environments.data.map((env) => (
            <li key={env.name}>
              <Link
                href={blueprintsHref(env.name)}
                className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-600 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-blue-400"
              >
                <span className="font-medium">{env.name}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-300">{env.region}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
