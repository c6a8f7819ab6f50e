"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { useBulkInvite, useBulkRun, useBulkRuns, useResumeBulkRun } from "@/components/invites/queries";
import { card, input, link, muted, row } from "@/components/entities/styles";
import type { BulkPreview, BulkRunHead } from "@/lib/invites/bulk-schema";

/** CSV → preview with per-row problems → a run whose progress lives on the server (its id is in the URL). */
export function BulkInvite({ env }: { env: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const runId = params.get("run") ?? undefined;
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<BulkPreview | undefined>();
  const bulk = useBulkInvite(env);
  const run = useBulkRun(env, runId);
  const resume = useResumeBulkRun(env, runId);

  async function check() {
    setPreview((await bulk.mutateAsync({ csv, dryRun: true, acceptQuota: false })).preview);
  }
  async function start() {
    const out = await bulk.mutateAsync({ csv, dryRun: false, acceptQuota: Boolean(preview?.quota?.wouldExceed) });
    setPreview(undefined);
    if (out.run) router.replace(`${pathname}?run=${out.run.id}`);
  }

  return (
    <section aria-labelledby="bulk-heading" className={card}>
      <h2 id="bulk-heading" className="mb-2 text-lg font-semibold">Bulk invite from CSV</h2>
      <p className={`mb-3 text-sm ${muted}`}>Columns: <code>email</code> (required), <code>name</code>, <code>team</code> (name or handle), <code>role</code> (member, admin or owner).</p>
      <div className="flex flex-col gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          CSV file
          <input className={input} type="file" accept=".csv,text/csv" onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          CSV text
          <textarea className={`${input} min-h-32 font-mono`} value={csv} onChange={(e) => { setCsv(e.target.value); setPreview(undefined); }} />
        </label>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" busy={bulk.isPending && !preview} disabled={!csv.trim()} onClick={check}>Check rows</Button>
          {preview && preview.valid.length > 0 ? <Button busy={bulk.isPending} onClick={start}>Invite {preview.valid.length} {preview.valid.length === 1 ? "user" : "users"}</Button> : null}
        </div>
      </div>
      {bulk.isError ? <div className="mt-3"><Alert tone="error">{bulk.error.message}</Alert></div> : null}
      {preview ? <PreviewView preview={preview} /> : null}
      <RecentRuns env={env} current={runId} pathname={pathname} />
      {run.data ? (
        <div className="mt-4 flex flex-col gap-2" data-testid="bulk-run">
          <p className="text-sm font-medium">
            Run {run.data.status === "done" ? "finished" : run.data.status === "interrupted" ? "interrupted" : "in progress"}: {run.data.processed} of {run.data.total} processed, {run.data.invited} invited, {run.data.failed} failed
            {run.data.problems.length ? `, ${run.data.problems.length} rows skipped` : ""}.
          </p>
          {run.data.status === "interrupted" ? (
            <Alert tone="warning" title="The console stopped while this run was going on">
              <p>{interruptedWhen(run.data)}</p>
              <p>
                {run.data.left} {run.data.left === 1 ? "row was" : "rows were"} not processed. Resuming invites them; an invite the run had begun is continued, so nobody is invited twice.
              </p>
              {run.data.left > 0 ? (
                <div className="mt-2">
                  <Button variant="secondary" busy={resume.isPending} onClick={() => resume.mutate()}>Resume the {run.data.left} rows left</Button>
                </div>
              ) : null}
            </Alert>
          ) : null}
          {resume.isError ? <Alert tone="error">{resume.error.message}</Alert> : null}
          <progress className="w-full" max={Math.max(run.data.total, 1)} value={run.data.processed} aria-label="Bulk invite progress" />
          {run.data.results.length || run.data.problems.length ? (
            <DataTable caption="Result per row" columns={["Line", "Email", "Result"]}>
              {[...run.data.problems.map((p) => ({ line: p.line, email: p.email ?? "", text: `skipped: ${p.message}` })), ...run.data.results.map((r) => ({ line: r.line, email: r.email, text: r.status === "invited" ? "invited" : `failed: ${r.reason ?? ""}` }))]
                .sort((a, b) => a.line - b.line)
                .map((r) => (
                  <tr key={r.line} className={row}>
                    <td className="px-4 py-1">{r.line}</td>
                    <td className="px-4 py-1 break-all">{r.email}</td>
                    <td className="px-4 py-1">{r.text}</td>
                  </tr>
                ))}
            </DataTable>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function RecentRuns({ env, current, pathname }: { env: string; current: string | undefined; pathname: string }) {
  const runs = useBulkRuns(env);
  const items = runs.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <nav aria-label="Recent bulk runs" className="mt-4 text-sm">
      <p className="font-medium">Recent runs</p>
      <ul className="mt-1 flex flex-col gap-1">
        {items.map((r) => (
          <li key={r.id}>
            <Link className={link} href={`${pathname}?run=${r.id}`} aria-current={r.id === current ? "true" : undefined}>
              {new Date(r.createdAt).toLocaleString()} by {r.createdBy}
            </Link>{" "}
            <span className={muted}>
              · {r.status}
              {r.stale && r.heartbeatAt ? ` (last seen ${new Date(r.heartbeatAt).toLocaleString()})` : ""}: {r.processed} of {r.total} processed
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A run its server recorded as stopped (a shutdown) says when; one that went quiet says when it was last seen. */
function interruptedWhen(run: Pick<BulkRunHead, "stale" | "heartbeatAt" | "finishedAt">): string {
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "an unknown time");
  return run.stale ? `Its server stopped without a word: last seen ${at(run.heartbeatAt)}.` : `Its server shut down at ${at(run.finishedAt)} and recorded where it stopped.`;
}

function PreviewView({ preview }: { preview: BulkPreview }) {
  return (
    <div className="mt-4 flex flex-col gap-3" data-testid="bulk-preview">
      <p className="text-sm">{preview.valid.length} rows ready, {preview.problems.length} with problems.</p>
      {preview.quota?.wouldExceed ? (
        <Alert tone="warning" title="This would exceed the 24-hour sending quota">
          SES allows {preview.quota.max24h} emails a day; {preview.quota.sentLast24h} were sent in the last 24 hours. Rows beyond the quota fail and can be retried later.
        </Alert>
      ) : null}
      {preview.problems.length ? (
        <DataTable caption="Rows with problems" columns={["Line", "Email", "Field", "Problem"]}>
          {preview.problems.map((p, i) => (
            <tr key={i} className={row}>
              <td className="px-4 py-1">{p.line}</td>
              <td className="px-4 py-1 break-all">{p.email ?? ""}</td>
              <td className="px-4 py-1">{p.field}</td>
              <td className="px-4 py-1">{p.message}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
