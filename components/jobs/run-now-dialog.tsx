"use client";

import { useMemo, useState } from "react";
import { BlueprintForm } from "@/components/blueprints/form/blueprint-form";
import { modelFromDocument } from "@/components/documents/display";
import { useDocumentBlueprint } from "@/components/documents/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useTriggerRun } from "@/components/jobs/queries";
import { ApiError } from "@/lib/http/client";
import { defaultValues } from "@/lib/blueprints/form-values";
import type { JsonValue } from "@/lib/blueprints/types";
import type { RunDetail } from "@/lib/jobs/schema";

/**
 * Run now (or re-run with edited parameters). The idempotency key is made when
 * the dialog opens, so a double click, or a retry after a lost answer, makes one run.
 * A job type with a parameters blueprint gets that blueprint's form
 * (BlueprintForm, validated again by the server with the same schema); others
 * take a JSON object.
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
  job: { id: string; name: string; paramsBlueprint?: string | null };
  initialParams?: Record<string, unknown>;
  rerunOf?: string;
  onClose: () => void;
  onStarted: (run: RunDetail) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(initialParams, null, 2));
  const [key] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const trigger = useTriggerRun(env);
  const blueprint = useDocumentBlueprint(env, job.paramsBlueprint ?? "", undefined, Boolean(job.paramsBlueprint));
  const model = useMemo(() => (blueprint.data ? modelFromDocument(blueprint.data.blueprint, blueprint.data.languages) : null), [blueprint.data]);

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

  const title = rerunOf ? `Re-run ${job.name}` : `Run ${job.name} now`;
  if (job.paramsBlueprint) {
    return (
      <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={title} size="lg" dismissable={false}>
        <div className="mt-4 flex flex-col gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          {blueprint.isError ? <Alert tone="error">The parameters blueprint {job.paramsBlueprint} could not be read: {blueprint.error.message}</Alert> : null}
          {blueprint.isPending ? <p role="status">Loading the parameters form…</p> : null}
          {blueprint.data && !model ? <Alert tone="error">The parameters blueprint {job.paramsBlueprint} is not readable.</Alert> : null}
          {model ? (
            <BlueprintForm
              model={model}
              defaultValues={defaultValues(model, initialParams as Record<string, JsonValue | undefined>)}
              submitLabel="Start run"
              onSubmit={async (values) => {
                setError(null);
                // Field errors (an ApiError) land on the fields; BlueprintForm shows them.
                const run = await trigger.mutateAsync({ job: job.id, params: values, idempotencyKey: key, ...(rerunOf ? { rerunOf } : {}) });
                onStarted(run);
              }}
            />
          ) : null}
          <div className="flex justify-end">
            <Button variant="secondary" onClick={onClose}>Cancel</Button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={title} size="lg" dismissable={false}>
      <div className="mt-4 flex flex-col gap-4">
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
    </Dialog>
  );
}
