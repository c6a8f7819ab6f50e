"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { useEnvironments } from "@/components/environments/queries";

/** Jobs live in an environment; the nav's Jobs entry asks which one. */
export function EnvironmentPicker() {
  const envs = useEnvironments();
  return (
    <>
      <PageHeader title="Jobs" description="Choose an environment to see its job types and runs." />
      {envs.isError ? <Alert tone="error">{envs.error.message}</Alert> : null}
      {envs.isPending ? <p role="status">Loading environments…</p> : null}
      <ul className="flex flex-col gap-2">
        {envs.data?.map((e) => (
          <li key={e.name}>
            <Link className="text-blue-700 underline dark:text-blue-300" href={`/environments/${encodeURIComponent(e.name)}/jobs`}>Jobs of {e.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
