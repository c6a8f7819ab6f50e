"use client";

import { useState } from "react";
import type { ProgressItem } from "@/components/provisioning/progress-view";
import { ApiError } from "@/lib/http/client";
import { postNdjson } from "@/lib/http/ndjson";
import type { Plan, ProvisionEvent, StepId, StepRunStatus } from "@/lib/provisioning/model";

/**
 * Applying a confirmed plan: streams progress events into per-change items,
 * and tells each checklist step its live state while the run goes on.
 */
export function useApply(env: string, onFinished: () => void) {
  const [progress, setProgress] = useState<ProgressItem[] | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function apply(plan: Plan) {
    setError(null);
    setSummary(null);
    setRunning(true);
    const titles = new Map(plan.changes.map((c) => [c.id, c]));
    setProgress(plan.changes.map((c) => ({ id: c.id, step: c.step, title: c.title, status: "waiting" })));
    try {
      await postNdjson<ProvisionEvent>(`/api/environments/${encodeURIComponent(env)}/provision`, { fingerprint: plan.fingerprint }, (e) => {
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
          setError(e.message);
        }
      });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Applying failed. Plan again to see where things stand.");
    } finally {
      setRunning(false);
      onFinished();
    }
  }

  function reset() {
    setProgress(null);
    setSummary(null);
  }

  return { apply, reset, progress, summary, error, running };
}

/** A step's state during a run: the worst of its changes (failed, running, waiting), done when all are. */
export function liveStepStatus(progress: ProgressItem[] | null): Map<StepId, StepRunStatus> {
  const byStep = new Map<StepId, StepRunStatus[]>();
  for (const item of progress ?? []) byStep.set(item.step, [...(byStep.get(item.step) ?? []), item.status]);
  const out = new Map<StepId, StepRunStatus>();
  for (const [step, statuses] of byStep) {
    const pick = (["failed", "running", "waiting", "skipped"] as const).find((s) => statuses.includes(s));
    out.set(step, pick ?? "done");
  }
  return out;
}
