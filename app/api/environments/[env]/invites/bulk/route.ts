import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { previewBulk, startBulk } from "@/lib/invites/bulk";
import { continueInBackground } from "@/lib/invites/bulk-background";
import { listRuns } from "@/lib/invites/bulk-store";
import { bulkInviteOp, listBulkRunsOp } from "@/lib/invites/operations";

export const GET = route(listBulkRunsOp, async ({ params }) => ({ items: await listRuns(params.env) }));

export const POST = route(bulkInviteOp, async ({ params, body, principal, requestId, audit }) => {
  const ctx = await environmentContext(params.env);
  if (body.dryRun) {
    const { valid, problems, quota } = await previewBulk(ctx, body.csv);
    return { preview: { valid, problems, quota }, run: null };
  }
  const { preview, head, work } = await startBulk(ctx, body.csv, principal.email, body.acceptQuota);
  audit({ target: `bulk:${head.id}` });
  // The run goes on after the response (and after the tab closes); its end is audited on its own.
  continueInBackground(work, { actor: principal.email, action: "invite.bulk-finished", environment: params.env, target: `bulk:${head.id}`, requestId });
  return { preview: { valid: preview.valid, problems: preview.problems, quota: preview.quota }, run: { ...head, stale: false, heartbeatAt: head.createdAt, left: head.total, results: [] } };
});
