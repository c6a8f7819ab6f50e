"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/provisioning/copy-button";
import { formatDuration, formatTime, prettyOutput } from "@/components/jobs/format";
import { Drawer } from "@/components/ui/drawer";
import { useJobsOverview, useMarkFailed, useRun } from "@/components/jobs/queries";
import { RunNowDialog } from "@/components/jobs/run-now-dialog";
import { RunAuthor } from "@/components/jobs/run-author";
import { RunStatusBadge } from "@/components/jobs/status-badge";
import { ApiError } from "@/lib/http/client";
import type { RunDetail } from "@/lib/jobs/schema";

/** Shown output is capped so a huge output does not freeze the page; the whole stored output downloads. */
const DISPLAY_LIMIT = 20_000;

function download(run: RunDetail) {
  const blob = new Blob([run.output ?? ""], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `run-${run.id}.txt`;
  a.click();
  URL.revokeObjectURL(url);
}

export function RunDrawer({ env, runId, canWrite, onClose, onOpenRun }: { env: string; runId: string; canWrite: boolean; onClose: () => void; onOpenRun: (id: string) => void }) {
  const run = useRun(env, runId);
  const markFailed = useMarkFailed(env);
  // The job type (cached by the dashboard) says whether parameters have a blueprint form.
  const jobs = useJobsOverview(env);
  const [rerun, setRerun] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const r = run.data;
  const output = r?.output ? prettyOutput(r.output) : undefined;
  const shown = output && output.text.length > DISPLAY_LIMIT ? `${output.text.slice(0, DISPLAY_LIMIT)}\n…` : output?.text;

  return (
    <Drawer open onOpenChange={(open) => (open ? undefined : onClose())} title={r ? `Run of ${r.jobName}` : "Run"} size="lg">
      {run.isError ? <Alert tone="error">{run.error.message}</Alert> : null}
      {!r ? <p role="status">Loading run…</p> : (
        <div className="flex flex-col gap-5 text-sm">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <p aria-live="polite" className="flex items-center gap-2">Status: <RunStatusBadge status={r.status} stuck={r.stuck} orphaned={r.orphaned} /></p>
          {r.reason ? <Alert tone={r.status === "failed" ? "error" : r.orphaned ? "warning" : "info"} title={r.status === "new" && r.orphaned ? "Orphaned" : "Reason"}>{r.reason}{r.status === "new" && r.orphaned ? " The console records it failed shortly (its background sweep); an admin can mark it failed now." : ""}</Alert> : null}
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600 dark:text-slate-400">Run id</dt><dd className="break-all font-mono">{r.id}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Trigger</dt><dd>{r.trigger}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Author</dt><dd><RunAuthor author={r.author} authorName={r.authorName} wrap /></dd>
            <dt className="text-slate-600 dark:text-slate-400">Queued</dt><dd><time dateTime={r.timeQueued}>{formatTime(r.timeQueued)}</time></dd>
            <dt className="text-slate-600 dark:text-slate-400">Executed</dt><dd>{r.timeExecuted ? <time dateTime={r.timeExecuted}>{formatTime(r.timeExecuted)}</time> : "—"}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Duration</dt><dd>{formatDuration(r.durationMs)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Deadline</dt><dd>{formatTime(r.deadline)}</dd>
            {r.rerunOf ? (<><dt className="text-slate-600 dark:text-slate-400">Re-run of</dt><dd><button type="button" className="font-mono text-blue-700 underline dark:text-blue-300" onClick={() => onOpenRun(r.rerunOf ?? "")}>{r.rerunOf}</button></dd></>) : null}
          </dl>
          <section aria-labelledby="params-h">
            <h3 id="params-h" className="mb-1 font-semibold">Parameters</h3>
            <pre className="max-h-40 overflow-auto rounded bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800">{JSON.stringify(r.params, null, 2)}</pre>
          </section>
          <section aria-labelledby="output-h">
            <div className="mb-1 flex flex-wrap items-center gap-2">
              <h3 id="output-h" className="font-semibold">Output{output?.json ? " (JSON)" : ""}</h3>
              {r.output ? <CopyButton text={r.output} label="Copy output" /> : null}
              {r.output ? <Button variant="secondary" onClick={() => download(r)}>Download</Button> : null}
            </div>
            {r.outputTruncated ? <p className="mb-1 text-amber-800 dark:text-amber-200">The handler returned {r.outputBytes} bytes; the stored output was cut below DynamoDB&apos;s item size.</p> : null}
            {output && output.text.length > DISPLAY_LIMIT ? <p className="mb-1 text-slate-600 dark:text-slate-400">Showing the first {DISPLAY_LIMIT.toLocaleString()} characters; download for all of it.</p> : null}
            {shown !== undefined ? (
              <pre data-testid="run-output" className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800">{shown}</pre>
            ) : <p className="text-slate-600 dark:text-slate-400">{r.status !== "new" ? "No output." : r.orphaned ? "None: the console stopped waiting for the handler." : r.stuck ? "None: the handler has not answered by its deadline." : "Waiting for the handler…"}</p>}
          </section>
          {canWrite ? (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setRerun(true)}>Re-run with parameters…</Button>
              {r.status === "new" ? (
                <Button variant="danger" busy={markFailed.isPending} onClick={async () => {
                  setError(null);
                  try { await markFailed.mutateAsync({ id: r.id }); await run.refetch(); } catch (err) { setError(err instanceof ApiError ? err.message : "Could not mark the run failed."); }
                }}>Mark failed</Button>
              ) : null}
            </div>
          ) : null}
          {rerun ? <RunNowDialog env={env} job={{ id: r.jobId, name: r.jobName, paramsBlueprint: jobs.data?.items.find((j) => j.id === r.jobId)?.paramsBlueprint ?? null }} initialParams={r.params} rerunOf={r.id} onClose={() => setRerun(false)} onStarted={(next) => { setRerun(false); onOpenRun(next.id); }} /> : null}
        </div>
      )}
    </Drawer>
  );
}
