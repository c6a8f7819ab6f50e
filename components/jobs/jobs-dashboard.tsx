"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ChartsSection } from "@/components/jobs/charts-section";
import { JobTypesSection } from "@/components/jobs/job-types-section";
import { useJobsOverview } from "@/components/jobs/queries";
import { RunsSection } from "@/components/jobs/runs-section";

/** The job dashboard of one environment: job types, charts, runs (live), stuck runs. */
export function JobsDashboard({ env, canWrite }: { env: string; canWrite: boolean }) {
  const overview = useJobsOverview(env);
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();

  function openRun(id: string) {
    const params = new URLSearchParams(search.toString());
    params.set("run", id);
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  }

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={`Jobs of ${env}`}
        description="What ran, what failed and why; run a job now. Updates live while this page is open."
        actions={canWrite ? <Link href={`/environments/${encodeURIComponent(env)}/jobs/tokens`} className="rounded-md border border-slate-300 px-3.5 py-2 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">API tokens</Link> : undefined}
      />
      {overview.isError ? <Alert tone="error">{overview.error.message}</Alert> : null}
      {overview.isPending ? <p role="status">Loading job types…</p> : null}
      {overview.data ? <JobTypesSection env={env} overview={overview.data} canWrite={canWrite} onRunStarted={(run) => openRun(run.id)} onOpenRun={openRun} /> : null}
      <ChartsSection env={env} />
      <RunsSection env={env} jobs={overview.data?.items ?? []} canWrite={canWrite} />
    </div>
  );
}
