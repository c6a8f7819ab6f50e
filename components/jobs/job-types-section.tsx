"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatPercent, formatTime } from "@/components/jobs/format";
import type { JobTypeFormValues } from "@/components/jobs/job-type-form";
import { Dialog } from "@/components/ui/dialog";
import { useMarkFailed, useSaveJobType } from "@/components/jobs/queries";
import { RunStatusBadge } from "@/components/jobs/status-badge";
import { ApiError } from "@/lib/http/client";
import { JOB_TYPES } from "@/lib/jobs/constants";
import type { JobOverview, JobType, RunDetail } from "@/lib/jobs/schema";

type Item = JobOverview["items"][number];

// The editor and the Run-now dialog (with the blueprint form renderer) load when they open.
const JobTypeForm = dynamic(() => import("@/components/jobs/job-type-form").then((m) => m.JobTypeForm), { ssr: false, loading: () => <p role="status">Loading the form…</p> });
const RunNowDialog = dynamic(() => import("@/components/jobs/run-now-dialog").then((m) => m.RunNowDialog), { ssr: false });

const EMPTY: JobTypeFormValues = { name: "", status: "available", version: "", handler: "/jobs/", description: "", type: "control", paramsBlueprint: "", schedule: "", timeoutSeconds: "" };

function valuesOf(job: JobType): JobTypeFormValues {
  return {
    name: job.name, status: job.status as JobTypeFormValues["status"], version: job.version ?? "", handler: job.handler, description: job.description ?? "",
    type: job.type as JobTypeFormValues["type"], paramsBlueprint: job.paramsBlueprint ?? "", schedule: job.schedule ?? "", timeoutSeconds: String(job.timeoutSeconds),
  };
}

function JobTypeDialog({ env, job, onClose }: { env: string; job?: JobType; onClose: () => void }) {
  const save = useSaveJobType(env, job?.id);
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={job ? `Edit ${job.name}` : "New job type"} size="lg" dismissable={false}>
      <div className="mt-4">
        <JobTypeForm
          env={env}
          defaultValues={job ? valuesOf(job) : EMPTY}
          submitLabel={job ? "Save job type" : "Create job type"}
          onSubmit={async (values) => {
            await save.mutateAsync(job ? { ...values, revision: job.revision } : values);
            onClose();
          }}
        />
      </div>
      <div className="mt-3 flex justify-end">
        <Button variant="secondary" onClick={onClose}>Cancel</Button>
      </div>
    </Dialog>
  );
}

/** Job types at a glance (availability, handler, type, schedule) with their last run, recent runs and success rate. */
export function JobTypesSection({ env, overview, canWrite, onRunStarted, onOpenRun }: { env: string; overview: JobOverview; canWrite: boolean; onRunStarted: (run: RunDetail) => void; onOpenRun: (id: string) => void }) {
  const [editing, setEditing] = useState<JobType | "new" | undefined>();
  const [running, setRunning] = useState<Item | undefined>();
  const markFailed = useMarkFailed(env);
  const [error, setError] = useState<string | null>(null);

  return (
    <section aria-labelledby="jobtypes-h" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="jobtypes-h" className="text-xl font-semibold">Job types</h2>
        {canWrite ? <Button onClick={() => setEditing("new")}>New job type</Button> : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {overview.stuck.length ? (
        <Alert tone="warning" title={`${overview.stuck.length} stuck run${overview.stuck.length === 1 ? "" : "s"}`}>
          <p>Still new past their timeout: the app never answered, or (orphaned) the console stopped waiting for it.</p>
          <ul className="mt-2 flex flex-col gap-1">
            {overview.stuck.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2">
                <button type="button" className="underline" onClick={() => onOpenRun(r.id)}>{r.jobName}, queued {formatTime(r.timeQueued)}</button>
                {r.orphaned ? <span className="text-xs">(orphaned: the console records it failed shortly)</span> : null}
                {canWrite ? (
                  <Button variant="danger" busy={markFailed.isPending && markFailed.variables?.id === r.id} onClick={async () => {
                    setError(null);
                    try { await markFailed.mutateAsync({ id: r.id, reason: "stuck past its timeout" }); } catch (err) { setError(err instanceof ApiError ? err.message : "Could not mark the run failed."); }
                  }}>Mark failed<span className="sr-only"> ({r.jobName}, {r.id})</span></Button>
                ) : null}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {overview.items.length === 0 ? <p className="text-slate-600 dark:text-slate-400">No job types yet.</p> : null}
      <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {overview.items.map((job) => (
          <li key={job.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
            <div className="flex items-start justify-between gap-2">
              <h3 className="font-semibold">{job.name}</h3>
              <span className={`rounded px-2 py-0.5 text-xs ${job.status === "available" ? "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100" : "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"}`}>
                {job.status === "available" ? "Available" : "Not available"}
              </span>
            </div>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              <span className="font-mono">{job.handler}</span> · {JOB_TYPES[job.type as keyof typeof JOB_TYPES] ?? job.type}
              {job.schedule ? <> · <span className="font-mono">{job.schedule}</span></> : null}
            </p>
            {job.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{job.description}</p> : null}
            <p className="text-sm">
              Success {formatPercent(job.successRate)} of {job.runs30d} runs (30 days)
              {job.nextRuns[0] ? <> · next <time dateTime={job.nextRuns[0]}>{formatTime(job.nextRuns[0])}</time></> : null}
            </p>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>Last run:</span>
              {job.lastRun ? (
                <button type="button" className="inline-flex items-center gap-1 underline" onClick={() => onOpenRun(job.lastRun?.id ?? "")}>
                  <RunStatusBadge status={job.lastRun.status} stuck={job.lastRun.stuck} orphaned={job.lastRun.orphaned} /> {formatTime(job.lastRun.timeQueued)}
                </button>
              ) : <span>never</span>}
            </div>
            {job.recentRuns.length ? (
              <ol aria-label={`Recent runs of ${job.name}, newest first`} className="flex gap-1">
                {job.recentRuns.map((r) => (
                  <li key={r.id}>
                    <button type="button" onClick={() => onOpenRun(r.id)} title={`${r.status}, ${formatTime(r.timeQueued)}`} className={`block size-4 rounded-sm ${r.status === "executed" ? "bg-green-600" : r.status === "failed" ? "bg-red-600" : "bg-blue-600"}`}>
                      <span className="sr-only">{r.status}, {formatTime(r.timeQueued)}</span>
                    </button>
                  </li>
                ))}
              </ol>
            ) : null}
            {canWrite ? (
              <div className="mt-auto flex gap-2 pt-2">
                <Button disabled={job.status !== "available"} onClick={() => setRunning(job)}>Run now<span className="sr-only"> {job.name}</span></Button>
                <Button variant="secondary" onClick={() => setEditing(job)}>Edit<span className="sr-only"> {job.name}</span></Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {editing ? <JobTypeDialog env={env} job={editing === "new" ? undefined : editing} onClose={() => setEditing(undefined)} /> : null}
      {running ? <RunNowDialog env={env} job={running} onClose={() => setRunning(undefined)} onStarted={(run) => { setRunning(undefined); onRunStarted(run); }} /> : null}
    </section>
  );
}
