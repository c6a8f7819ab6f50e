"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/jobs/modal";
import { useTriggerRun } from "@/components/jobs/queries";
import { ApiError } from "@/lib/http/client";
import type { RunDetail } from "@/lib/jobs/schema";

/**
 * Run now (or re-run with edited parameters). The idempotency key is made when
 * the dialog opens, so a double click, or a retry after a lost answer, makes one run.
 * TODO(form-model): render the job's parameters blueprint with BlueprintForm.
 */
export function RunNowDialog({
  env,
  job,
  initialParams = {},
  rerunOf,
  onClose,
  onStarted,
}: {
  env: string;
  job: { id: string; name: string };
  initialParams?: Record<string, unknown>;
  rerunOf?: string;
  onClose: () => void;
  onStarted: (run: RunDetail) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(initialParams, null, 2));
  const [key] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const trigger = useTriggerRun(env);

  async function start() {
    setError(null);
    let params: unknown;
    try {
      params = JSON.parse(text || "{}");
    } catch {
      setError("Parameters must be JSON, e.g. {\"seconds\": 2}.");
      return;
    }
    if (!params || typeof params !== "object" || Array.isArray(params)) {
      setError("Parameters must be a JSON object.");
      return;
    }
    try {
      const run = await trigger.mutateAsync({ job: job.id, params: params as Record<string, unknown>, idempotencyKey: key, ...(rerunOf ? { rerunOf } : {}) });
      onStarted(run);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The run could not be started.");
    }
  }

  return (
    <Modal open title={rerunOf ? `Re-run ${job.name}` : `Run ${job.name} now`} onClose={onClose}>
      <div className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="run-params" className="text-sm font-medium">Parameters (JSON)</label>
          <textarea
            id="run-params"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={8}
            spellCheck={false}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
          />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button onClick={start} busy={trigger.isPending}>Start run</Button>
        </div>
      </div>
    </Modal>
  );
}
