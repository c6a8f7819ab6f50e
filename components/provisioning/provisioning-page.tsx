"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useEnvironment } from "@/components/environments/queries";
import { ApplyConfirm } from "@/components/provisioning/apply-confirm";
import { ChecklistTable } from "@/components/provisioning/checklist-table";
import { LeastPrivilege } from "@/components/provisioning/least-privilege";
import { NextStepsPanel } from "@/components/provisioning/next-steps-panel";
import { PlanView } from "@/components/provisioning/plan-view";
import { ProgressView } from "@/components/provisioning/progress-view";
import { provisioningKeys, useChecklist, usePlan } from "@/components/provisioning/queries";
import { StatusBar } from "@/components/provisioning/status-badge";
import { liveStepStatus, useApply } from "@/components/provisioning/use-apply";
import { countStatuses } from "@/lib/provisioning/health-summary";
import { itemFor, nextSteps } from "@/lib/provisioning/next-steps";

export function ProvisioningPage({ env, created = false, autoPlan = false }: { env: string; created?: boolean; autoPlan?: boolean }) {
  const client = useQueryClient();
  const checklist = useChecklist(env);
  const environment = useEnvironment(env);
  const plan = usePlan(env);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: provisioningKeys.checklist(env) });
  // The checklist read before a run is stale while it goes on and until it is read again.
  const [appliedAt, setAppliedAt] = useState(0);
  const run = useApply(env, () => {
    setAppliedAt(Date.now());
    plan.reset();
    void refresh();
    void client.invalidateQueries({ queryKey: ["environments"] });
  });
  const showLive = run.running || (run.progress !== null && checklist.dataUpdatedAt < appliedAt);

  function startPlan() {
    run.reset();
    plan.mutate();
  }

  // The command palette's "Plan changes for …" opens this page with ?plan=1.
  const planned = useRef(false);
  useEffect(() => {
    if (autoPlan && !planned.current) {
      planned.current = true;
      plan.mutate();
    }
  }, [autoPlan, plan]);

  if (checklist.isPending) return <LoadingState title={`Provisioning ${env}`} label="Reading AWS…" rows={8} />;
  if (checklist.isError) {
    return (
      <ErrorState
        level={1}
        title={`The checklist of ${env} could not be read`}
        action={
          <>
            <Button onClick={() => void refresh()}>Try again</Button>
            <ButtonLink variant="secondary" href={`/environments/${env}`}>Environment settings</ButtonLink>
          </>
        }
      >
        {checklist.error.message}
      </ErrorState>
    );
  }

  const data = checklist.data;
  const items = nextSteps(data.rows, { hasSender: Boolean(environment.data?.sesSender) });

  return (
    <>
      <PageHeader
        title={`Provisioning ${env}`}
        description={
          <>
            Every step of the setup document, read live from AWS.{" "}
            <Link className="text-blue-700 underline dark:text-blue-300" href={`/environments/${env}`}>Environment settings</Link>
          </>
        }
        actions={
          <>
            <Button variant="secondary" busy={checklist.isFetching} onClick={() => void refresh()}>Refresh</Button>
            <Button busy={plan.isPending} disabled={run.running} onClick={startPlan}>Plan changes</Button>
          </>
        }
      />
      {created ? <div className="mb-4"><Alert tone="success">Environment {env} was added. The steps below take it to green.</Alert></div> : null}
      <div className="mb-6 flex flex-col gap-2">
        <StatusBar counts={countStatuses(data.rows)} />
        <p className="break-words text-xs text-slate-600 dark:text-slate-400">
          Account {data.accountId ?? "unknown"} · {data.region} · read in {data.readMs} ms at {new Date(data.readAt).toLocaleTimeString()}
        </p>
      </div>

      {!plan.data && !run.running ? (
        <NextStepsPanel env={env} items={items} onChanged={() => void refresh()} onPlan={startPlan} planBusy={plan.isPending} applying={run.running} />
      ) : null}

      {plan.isError ? <div className="mb-6"><Alert tone="error">{plan.error.message}</Alert></div> : null}
      {plan.data && !run.progress ? (
        <div className="mb-8 flex min-w-0 flex-col gap-4 rounded-lg border border-blue-200 bg-blue-50/40 p-4 dark:border-blue-900 dark:bg-blue-950/20">
          <PlanView plan={plan.data} />
          {plan.data.changes.length ? (
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => setConfirming(true)}>Apply this plan</Button>
              <Button variant="ghost" onClick={() => plan.reset()}>Discard</Button>
            </div>
          ) : (
            <div><Button variant="ghost" onClick={() => plan.reset()}>Close the plan</Button></div>
          )}
        </div>
      ) : null}
      {run.progress ? (
        <div className="mb-8 min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          <ProgressView items={run.progress} summary={run.summary} />
          {run.error ? <div className="mt-3"><Alert tone="error">{run.error}</Alert></div> : null}
        </div>
      ) : null}
      {!run.progress && run.error ? <Alert tone="error">{run.error}</Alert> : null}

      <h2 className="sr-only">Steps</h2>
      <ChecklistTable env={env} rows={data.rows} live={showLive ? liveStepStatus(run.progress) : undefined} fixOf={(step) => itemFor(items, step)} />
      <LeastPrivilege env={env} checklist={data} />

      <ApplyConfirm
        env={env}
        plan={plan.data}
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          const confirmed = plan.data;
          setConfirming(false);
          if (!confirmed) return;
          setAppliedAt(Date.now());
          void run.apply(confirmed);
        }}
      />
    </>
  );
}
