import "server-only";
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { log } from "@/lib/log/logger";
import { apiGatewayRegion, handlerUrl, outcomeFromError, outcomeFromResponse, type DispatchOutcome } from "@/lib/jobs/dispatch-plan";
import type { RunRecord } from "@/lib/jobs/run-items";
import { completeRun } from "@/lib/jobs/runs-write";
import type { JobType } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/**
 * Calls a run's handler: POST {run, job, parameters} to the environment's app
 * API, SigV4-signed for execute-api when it is an API Gateway URL, with the job's
 * timeout; then records executed/failed with the output. Never throws: every
 * failure becomes a failed run with a reason a person can act on.
 */
async function signedHeaders(store: JobStore, url: URL, region: string, body: string): Promise<Record<string, string>> {
  const credentials = clientsForEnvironment(store.env).dynamodb.config.credentials;
  const signer = new SignatureV4({ service: "execute-api", region, credentials, sha256: Sha256 });
  const request = new HttpRequest({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host, "content-type": "application/json" },
    body,
  });
  const signed = await signer.sign(request);
  return signed.headers;
}

export async function callHandler(store: JobStore, run: RunRecord, job: JobType): Promise<DispatchOutcome> {
  if (!store.env.appApiUrl) {
    return { status: "failed", reason: `The environment ${store.env.name} has no app API URL; set it on the environment to run jobs.` };
  }
  const url = handlerUrl(store.env.appApiUrl, job.handler);
  const body = JSON.stringify({
    run: { id: run._id, trigger: run.trigger, author: run.author, time_queued: run.time_queued },
    job: { id: job.id, name: job.name, handler: job.handler, version: job.version },
    parameters: run.params,
  });
  try {
    const region = apiGatewayRegion(url);
    const headers = region ? await signedHeaders(store, url, region, body) : { "content-type": "application/json" };
    const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(job.timeoutSeconds * 1000), redirect: "manual" });
    return outcomeFromResponse(response.status, await response.text());
  } catch (err) {
    log.info("job handler call failed", { environment: store.env.name, run: run._id, error: err instanceof Error ? err.name : "unknown" });
    return outcomeFromError(err, url, job.timeoutSeconds);
  }
}

export async function executeRun(store: JobStore, run: RunRecord, job: JobType): Promise<RunRecord | undefined> {
  const started = Date.now();
  const outcome = await callHandler(store, run, job);
  const finished = new Date();
  try {
    return await completeRun(store, run._id, { ...outcome, timeExecuted: finished, durationMs: finished.getTime() - started });
  } catch (err) {
    // The run stays new; past its deadline it shows orphaned and the orphan sweep fails it.
    log.warn("could not record a run's result", { environment: store.env.name, run: run._id, error: err instanceof Error ? err.name : "unknown" });
    return undefined;
  }
}
