"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { formatDuration, formatPercent } from "@/components/jobs/format";
import { useRunStats } from "@/components/jobs/queries";
import type { RunStats } from "@/lib/jobs/schema";

const loading = () => <div className="h-64 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />;
// Recharts is loaded only here, on the jobs page, and only in the browser.
const RunsPerDayChart = dynamic(() => import("@/components/jobs/run-charts").then((m) => m.RunsPerDayChart), { ssr: false, loading });
const FailureRateChart = dynamic(() => import("@/components/jobs/run-charts").then((m) => m.FailureRateChart), { ssr: false, loading });
const DurationChart = dynamic(() => import("@/components/jobs/run-charts").then((m) => m.DurationChart), { ssr: false, loading });

function Figure({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      {chart}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700 dark:text-slate-300">Data as a table</summary>
        <div className="mt-2 max-h-64 overflow-auto">{table}</div>
      </details>
    </figure>
  );
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table className="w-full text-left text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead><tr>{head.map((h) => <th key={h} scope="col" className="px-2 py-1">{h}</th>)}</tr></thead>
      <tbody>{rows.map((r, i) => <tr key={i} className="border-t border-slate-100 dark:border-slate-800">{r.map((c, j) => <td key={j} className="px-2 py-1">{c}</td>)}</tr>)}</tbody>
    </table>
  );
}

function summary(stats: RunStats): string {
  const total = stats.days.reduce((n, d) => n + d.executed + d.failed + d.new, 0);
  const failed = stats.days.reduce((n, d) => n + d.failed, 0);
  return `${total} run${total === 1 ? "" : "s"} in the last 30 days, ${failed} failed.`;
}

export function ChartsSection({ env }: { env: string }) {
  const stats = useRunStats(env);
  return (
    <section aria-labelledby="charts-h" className="flex flex-col gap-3">
      <h2 id="charts-h" className="text-xl font-semibold">Last 30 days</h2>
      {stats.isError ? <Alert tone="error">{stats.error.message}</Alert> : null}
      {stats.data ? (
        <>
          <p data-testid="stats-summary">{summary(stats.data)}</p>
          <div className="grid gap-4 lg:grid-cols-3">
            <Figure
              title="Runs per day by status"
              chart={<RunsPerDayChart stats={stats.data} />}
              table={<Table caption="Runs per day" head={["Day", "Executed", "Failed", "New"]} rows={stats.data.days.map((d) => [d.day, d.executed, d.failed, d.new])} />}
            />
            <Figure
              title="Failure rate per job type"
              chart={<FailureRateChart stats={stats.data} />}
              table={<Table caption="Failure rate per job type" head={["Job type", "Runs", "Failed", "Failure rate"]} rows={stats.data.jobs.map((j) => [j.jobName, j.total, j.failed, formatPercent(j.failureRate)])} />}
            />
            <Figure
              title="Duration p50 / p95 per job type"
              chart={<DurationChart stats={stats.data} />}
              table={<Table caption="Duration per job type" head={["Job type", "p50", "p95"]} rows={stats.data.jobs.map((j) => [j.jobName, formatDuration(j.p50Ms), formatDuration(j.p95Ms)])} />}
            />
          </div>
        </>
      ) : <p role="status">Loading statistics…</p>}
    </section>
  );
}
