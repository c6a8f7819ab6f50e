"use client";

import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { formatDuration, formatTime } from "@/components/jobs/format";
import { olderPage } from "@/components/jobs/paging";
import { useBulkProgress, useRerunFailed, useRuns, type RunFilters } from "@/components/jobs/queries";
import { RunAuthor } from "@/components/jobs/run-author";
import { ORPHANED_NOTE, RunStatusBadge } from "@/components/jobs/status-badge";
import { ReindexButton } from "@/components/jobs/reindex-button";
import { ApiError } from "@/lib/http/client";
import type { JobType } from "@/lib/jobs/schema";

// The run drawer loads when a run is opened.
const RunDrawer = dynamic(() => import("@/components/jobs/run-drawer").then((m) => m.RunDrawer), { ssr: false });

const FILTER_KEYS = ["job", "status", "trigger", "author", "from", "to"] as const;

/** A date field's day as the start (from) or end (to) of that UTC day. */
function dayBound(value: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return `${value}T${end ? "23:59:59.999" : "00:00:00.000"}Z`;
}

/** Runs newest first; filters, the cursor and the open run live in the URL, so a link shows the same page. */
export function RunsSection({ env, jobs, canWrite }: { env: string; jobs: JobType[]; canWrite: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const filters: RunFilters = {};
  for (const key of [...FILTER_KEYS, "cursor"] as const) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  const openRun = search.get("run") ?? undefined;
  const page = useRuns(env, filters);
  const [history, setHistory] = useState<string[]>([]);
  const rerun = useRerunFailed(env);
  const [bulkId, setBulkId] = useState<string | undefined>();
  const bulk = useBulkProgress(env, bulkId);
  const [bulkError, setBulkError] = useState<string | null>(null);

  function navigate(next: RunFilters & { run?: string }) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
    router.replace(`${pathname}${params.size ? `?${params.toString()}` : ""}`, { scroll: false });
  }

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: RunFilters = {};
    for (const key of ["job", "status", "trigger", "author"] as const) {
      const value = String(data.get(key) ?? "").trim();
      if (value) next[key] = value;
    }
    const from = dayBound(String(data.get("from") ?? ""), false);
    const to = dayBound(String(data.get("to") ?? ""), true);
    if (from) next.from = from;
    if (to) next.to = to;
    setHistory([]);
    navigate(next);
  }

  const { cursor: _cursor, ...filterOnly } = filters;
  // Only the page answering the current filters gives the older cursor (not the previous filter's placeholder).
  const older = olderPage(filters, page.data);
  return (
    <section aria-labelledby="runs-h" className="flex flex-col gap-4">
      <h2 id="runs-h" className="text-xl font-semibold">Runs</h2>
      <form onSubmit={applyFilters} aria-label="Filter runs" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7 dark:border-slate-700 dark:bg-slate-900">
        {/* Re-mounted when the job types arrive, so a linked filter shows its job. */}
        <SelectField label="Job type" name="job" defaultValue={filters.job ?? ""} key={`job-${filters.job ?? ""}-${jobs.length}`}>
          <option value="">Any</option>
          {jobs.map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
        </SelectField>
        <SelectField label="Status" name="status" defaultValue={filters.status ?? ""} key={`status-${filters.status ?? ""}`}>
          <option value="">Any</option>
          <option value="new">New</option>
          <option value="executed">Executed</option>
          <option value="failed">Failed</option>
        </SelectField>
        <SelectField label="Trigger" name="trigger" defaultValue={filters.trigger ?? ""} key={`trigger-${filters.trigger ?? ""}`}>
          <option value="">Any</option>
          <option value="manual">Manual</option>
          <option value="cron">Cron</option>
          <option value="api">API</option>
        </SelectField>
        <TextField label="Author" name="author" placeholder="email or id" defaultValue={filters.author ?? ""} key={`author-${filters.author ?? ""}`} />
        <TextField label="From (UTC day)" name="from" type="date" defaultValue={filters.from?.slice(0, 10) ?? ""} key={`from-${filters.from ?? ""}`} />
        <TextField label="To (UTC day)" name="to" type="date" defaultValue={filters.to?.slice(0, 10) ?? ""} key={`to-${filters.to ?? ""}`} />
        <div className="flex items-end gap-2">
          <Button type="submit">Apply</Button>
          <Button variant="ghost" onClick={() => { setHistory([]); navigate({}); }}>Clear</Button>
        </div>
      </form>
      {canWrite ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Button
            variant="secondary"
            busy={rerun.isPending || bulk.data?.state === "running"}
            onClick={async () => {
              setBulkError(null);
              try {
                const progress = await rerun.mutateAsync(filterOnly);
                setBulkId(progress.id);
              } catch (err) {
                setBulkError(err instanceof ApiError ? err.message : "Could not start the re-runs.");
              }
            }}
          >
            Re-run failed runs of this filter
          </Button>
          {bulk.data ? (
            <span role="status">
              {bulk.data.state === "running" ? "Re-running" : "Re-ran"} {bulk.data.done} of {bulk.data.total}
              {bulk.data.errors ? `, ${bulk.data.errors} could not start` : ""}
              <progress className="ml-2 align-middle" max={Math.max(1, bulk.data.total)} value={bulk.data.done + bulk.data.errors} aria-label="Re-run progress" />
            </span>
          ) : null}
          {bulkError ? <Alert tone="error">{bulkError}</Alert> : null}
        </div>
      ) : null}
      {canWrite ? <ReindexButton env={env} /> : null}
      {page.isError ? <Alert tone="error">{page.error.message}</Alert> : null}
      {page.isPending ? <p role="status">Loading runs…</p> : null}
      {page.data ? (
        <DataTable caption="Runs, newest first" busy={page.isFetching} columns={["Job", "Status", "Trigger", "Author", "Queued", "Executed", "Duration"]}>
          {page.data.items.length === 0 ? (
            <tr><td colSpan={7} className="px-4 py-6 text-center text-slate-600 dark:text-slate-400">{page.data.nextCursor ? "No matching runs in this stretch; look at older runs." : "No runs match."}</td></tr>
          ) : null}
          {page.data.items.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="px-4 py-2">
                <button type="button" className="text-left text-blue-700 underline dark:text-blue-300" onClick={() => navigate({ ...filters, run: r.id })}>
                  {r.jobName}<span className="sr-only">, run queued {formatTime(r.timeQueued)}</span>
                </button>
              </td>
              <td className="px-4 py-2">
                <RunStatusBadge status={r.status} stuck={r.stuck} orphaned={r.orphaned} />
                {r.orphaned ? <span className="mt-1 block max-w-56 text-xs text-amber-800 dark:text-amber-200">{ORPHANED_NOTE}</span> : null}
              </td>
              <td className="px-4 py-2">{r.trigger}</td>
              <td className="max-w-48 px-4 py-2"><RunAuthor author={r.author} authorName={r.authorName} /></td>
              <td className="whitespace-nowrap px-4 py-2"><time dateTime={r.timeQueued}>{formatTime(r.timeQueued)}</time></td>
              <td className="whitespace-nowrap px-4 py-2">{formatTime(r.timeExecuted)}</td>
              <td className="whitespace-nowrap px-4 py-2">{formatDuration(r.durationMs)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <nav aria-label="Run pages" className="flex gap-2">
        <Button variant="secondary" disabled={!filters.cursor} onClick={() => {
          const cursor = history[history.length - 1];
          setHistory(history.slice(0, -1));
          navigate({ ...filters, cursor: cursor || undefined });
        }}>Newer</Button>
        <Button variant="secondary" disabled={!older} onClick={() => {
          if (!older) return;
          setHistory([...history, filters.cursor ?? ""]);
          navigate(older);
        }}>Older</Button>
      </nav>
      {openRun ? <RunDrawer env={env} runId={openRun} canWrite={canWrite} onClose={() => navigate(filters)} onOpenRun={(id) => navigate({ ...filters, run: id })} /> : null}
    </section>
  );
}
