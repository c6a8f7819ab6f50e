import { deleteVersionOp, getVersionOp, updateVersionOp } from "@/lib/blueprints/operations";
import { toView } from "@/lib/blueprints/service";
import { getVersion } from "@/lib/blueprints/store-read";
import { deleteDraft, updateDraft } from "@/lib/blueprints/store-write";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(getVersionOp, async ({ params }) => toView(await getVersion(await getEnvironment(params.env), params.irn, params.version)));

export const PUT = route(updateVersionOp, async ({ params, body, principal, audit }) => {
  audit({ target: `${params.irn}@${params.version}` });
  const { record, issues } = await updateDraft(await getEnvironment(params.env), params.irn, params.version, body, principal.email);
  return toView(record, issues);
});

export const DELETE = route(deleteVersionOp, async ({ params, query, audit }) => {
  audit({ target: `${params.irn}@${params.version}` });
  await deleteDraft(await getEnvironment(params.env), params.irn, params.version, query.revision);
});
