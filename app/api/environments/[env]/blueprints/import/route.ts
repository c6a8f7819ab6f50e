import { importBlueprintOp } from "@/lib/blueprints/operations";
import { importBlueprint, toView } from "@/lib/blueprints/service";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const POST = route(importBlueprintOp, async ({ params, body, principal, audit }) => {
  const { record, issues } = await importBlueprint(await getEnvironment(params.env), body, principal.email);
  audit({ target: `${record.irn}@${record.version}` });
  return toView(record, issues);
});
