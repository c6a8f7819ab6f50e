import { publishVersionOp } from "@/lib/blueprints/operations";
import { toView } from "@/lib/blueprints/service";
import { publishVersion } from "@/lib/blueprints/store-write";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const POST = route(publishVersionOp, async ({ params, body, principal, audit }) => {
  audit({ target: `${params.irn}@${params.version}` });
  const { record, issues } = await publishVersion(await getEnvironment(params.env), params.irn, params.version, body.revision, principal.email);
  return toView(record, issues);
});
