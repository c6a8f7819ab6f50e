import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { log } from "@/lib/log/logger";
import { prepareProvision } from "@/lib/provisioning/apply";
import { finishBeforeExit } from "@/lib/server/shutdown";
import type { ProvisionEvent } from "@/lib/provisioning/model";

/**
 * Apply as an NDJSON stream: one event per line as steps start and finish.
 * A refused start (stale plan 409, lock 423) is thrown before the stream
 * begins, so it is an ordinary error response. The run's outcome is audited
 * when it ends, whether or not the browser is still listening.
 */
export async function provisionStream(env: EnvironmentRecord, fingerprint: string, actor: string, requestId: string): Promise<Response> {
  const audit = { actor, action: "provisioning.apply", environment: env.name, target: env.name, requestId };
  let prepared;
  try {
    prepared = await prepareProvision(env, fingerprint, actor);
  } catch (err) {
    const code = (err as { code?: string }).code ?? "internal";
    await recordAudit(audit, "failure", code);
    throw err;
  }
  const encoder = new TextEncoder();
  const run = prepared.run;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A stopping server waits for the audit record and the last event, not just the run.
      finishBeforeExit(streamRun(controller));
    },
  });
  async function streamRun(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    let open = true;
    const emit = (event: ProvisionEvent) => {
      if (!open) return;
      try {
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      } catch {
        open = false; // the client went away; the run goes on
      }
    };
    try {
      const result = await run(emit);
      await recordAudit(audit, result.ok ? "success" : "failure", result.ok ? undefined : result.interrupted ? "interrupted" : "step_failed");
    } catch (err) {
      log.error("provisioning run failed", { environment: env.name, requestId, error: err });
      emit({ type: "error", code: "internal", message: "The run stopped unexpectedly. Details are in the server log; run the plan again to continue." });
      await recordAudit(audit, "failure", "internal");
    } finally {
      if (open) controller.close();
    }
  }
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-request-id": requestId },
  });
}
