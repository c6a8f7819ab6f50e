"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { ChecklistTable } from "@/components/provisioning/checklist-table";
import { PlanView } from "@/components/provisioning/plan-view";
import { ProgressView, type ProgressItem } from "@/components/provisioning/progress-view";
import { provisioningKeys, useChecklist, usePlan } from "@/components/provisioning/queries";
import { StatusBar } from "@/components/provisioning/status-badge";
import { ApiError } from "@/lib/http/client";
import { postNdjson } from "@/lib/http/ndjson";
import type { ProvisionEvent, StepStatus } from "@/lib/provisioning/model";

export function ProvisioningPage({ env }: { env: string }) {
  const client = useQueryClient();
  const checklist = useChecklist(env);
  const plan = usePlan(env);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<ProgressItem[] | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: provisioningKeys.checklist(env) });

  async function apply() {
    const confirmed = plan.data;
    setConfirming(false);
    if (!confirmed) return;
    setApplyError(null);
    setSummary(null);
    setRunning(true);
    const titles = new Map(confirmed.changes.map((c) => [c.id, c]));
    setProgress(confirmed.changes.map((c) => ({ id: c.id, step: c.step, title: c.title, status: "waiting" })));
    try {
      await postNdjson<ProvisionEvent>(`/api/environments/${encodeURIComponent(env)}/provision`, { fingerprint: confirmed.fingerprint }, (e) => {
        if (e.type === "start") {
          setProgress(e.changes.map((c) => ({ id: c.id, step: c.step, title: titles.get(c.id)?.title ?? c.title, status: "waiting" })));
        } else if (e.type === "change") {
          setProgress((items) => (items ?? []).map((i) => (i.id === e.id ? { ...i, status: e.status, ms: e.ms ?? i.ms, message: e.message } : i)));
        } else if (e.type === "done") {
          setSummary(
            e.ok
              ? `Done in ${(e.ms / 1000).toFixed(1)} s: ${e.awsCalls} AWS calls, ${e.mutatingCalls} of them changes${e.retries ? `, ${e.retries} retried after throttling or errors` : ""}.`
              : e.interrupted
                ? `The console server was stopping, so ${e.failed.length} change${e.failed.length === 1 ? " was" : "s were"} not started. Plan and apply again to finish: finished steps are kept.`
                : `${e.failed.length} change${e.failed.length === 1 ? "" : "s"} did not finish. Fix the cause (see the messages), then plan and apply again: finished steps are kept.`,
          );
        } else {
          setApplyError(e.message);
        }
      });
    } catch (err) {
      setApplyError(err instanceof ApiError ? err.message : "Applying failed. Plan again to see where things stand.");
    } finally {
      setRunning(false);
      plan.reset();
      void refresh();
    }
  }

  const rows = checklist.data?.rows ?? [];
  const counts = rows.reduce<Record<StepStatus, number>>((acc, r) => ({ ...acc, [r.status]: acc[r.status] + 1 }), { done: 0, missing: 0, drifted: 0, blocked: 0, manual: 0 });
  const denied = checklist.data?.leastPrivilege.filter((l) => !l.allowed) ?? [];

  return (
    <>
      <PageHeader
        title={`Provisioning ${env}`}
        description={<>Every step of the setup document, read live from AWS. <Link className="text-blue-700 underline" href={`/environments/${env}`}>Environment settings</Link></>}
        actions={
          <>
            <Button variant="secondary" busy={checklist.isFetching} onClick={() => void refresh()}>Refresh</Button>
            <Button busy={plan.isPending} disabled={running} onClick={() => { setProgress(null); setSummary(null); plan.mutate(); }}>Plan changes</Button>
          </>
        }
      />
      {checklist.isError ? <Alert tone="error" title="The checklist could not be read">{checklist.error.message}</Alert> : null}
      {checklist.isPending ? <p role="status">Reading AWS…</p> : null}
      {checklist.data ? (
        <div className="mb-6 flex flex-col gap-2">
          <StatusBar counts={counts} />
          <p className="text-xs text-slate-500">
            Account {checklist.data.accountId ?? "unknown"} · {checklist.data.region} · read in {checklist.data.readMs} ms at {new Date(checklist.data.readAt).toLocaleTimeString()}
          </p>
        </div>
      ) : null}

      {plan.isError ? <Alert tone="error">{plan.error.message}</Alert> : null}
      {plan.data && !progress ? (
        <div className="mb-8 flex flex-col gap-4 rounded-lg border border-blue-200 bg-blue-50/40 p-4">
          <PlanView plan={plan.data} />
          {plan.data.changes.length ? (
            <div className="flex gap-2">
              <Button onClick={() => setConfirming(true)}>Apply this plan</Button>
              <Button variant="ghost" onClick={() => plan.reset()}>Discard</Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {progress ? (
        <div className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
          <ProgressView items={progress} summary={summary} />
          {applyError ? <div className="mt-3"><Alert tone="error">{applyError}</Alert></div> : null}
        </div>
      ) : null}
      {!progress && applyError ? <Alert tone="error">{applyError}</Alert> : null}

      {checklist.data ? <ChecklistTable env={env} rows={checklist.data.rows} onChanged={() => void refresh()} /> : null}

      {checklist.data ? (
        <section aria-labelledby="lp-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="lp-heading" className="text-lg font-semibold">Least privilege</h2>
          <p className="text-sm text-slate-600">
            The rendered {env}_tt_policy, evaluated against the {checklist.data.leastPrivilege.length} AWS actions the TankTower app performs
            {checklist.data.leastPrivilegeBy === "iam" ? " by IAM's policy simulator." : " by the console's own policy evaluator (IAM's simulator could not be asked)."}
          </p>
          {denied.length ? (
            <Alert tone="warning" title={`${denied.length} action${denied.length === 1 ? " would be" : "s would be"} denied`}>
              <ul className="list-disc pl-5 font-mono text-xs">{denied.map((d) => <li key={`${d.action} ${d.resource}`}>{d.action} on {d.resource} ({d.why})</li>)}</ul>
            </Alert>
          ) : (
            <p className="mt-2 text-sm text-green-800">Every action the app performs is allowed.</p>
          )}
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-blue-800">Corrections made to the setup document</summary>
            <ul className="mt-2 list-disc pl-5">{checklist.data.fixes.map((f) => <li key={f.text}><strong>{f.step}:</strong> {f.text}</li>)}</ul>
          </details>
        </section>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={`Apply ${plan.data?.changes.length ?? 0} changes to ${env}?`}
        confirmLabel="Apply"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void apply()}
      >
        <p>The console makes exactly the changes in the plan. If AWS changed since, it refuses and asks you to plan again.</p>
      </ConfirmDialog>
    </>
  );
}
