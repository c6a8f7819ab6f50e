import { after } from "next/server";
import { route } from "@/lib/http/route";
import { namedRun } from "@/lib/jobs/author-names";
import { executeRun } from "@/lib/jobs/dispatch";
import { idempotencyHeaderSchema, listRunsOp, triggerRunOp } from "@/lib/jobs/operations";
import { listRuns } from "@/lib/jobs/runs-read";
import { jobStore } from "@/lib/jobs/store";
import { triggerRun } from "@/lib/jobs/trigger";
import { ValidationError } from "@/lib/http/errors";

export const GET = route(listRunsOp, async ({ params, query }) => listRuns(await jobStore(params.env), query));

export const POST = route(triggerRunOp, async ({ params, body, principal, request, audit }) => {
  const header = request.headers.get("idempotency-key");
  const headerKey = header === null ? undefined : idempotencyHeaderSchema.safeParse(header);
  if (headerKey && !headerKey.success) throw ValidationError.forField("Idempotency-Key", "Use 8–128 letters, digits and _ . : -");
  const store = await jobStore(params.env);
  const triggered = await triggerRun(
    store,
    { ...body, idempotencyKey: body.idempotencyKey ?? headerKey?.data },
    { author: principal.email, trigger: principal.tokenId ? "api" : "manual" },
  );
  audit({ target: `run:${triggered.run._id}` });
  // The handler is called after the answer; a repeat (same idempotency key) is not dispatched again.
  if (triggered.created) after(() => executeRun(store, triggered.run, triggered.job));
  return namedRun(store, triggered.detail);
});
