import { createBlueprintOp, listBlueprintsOp } from "@/lib/blueprints/operations";
import { toView } from "@/lib/blueprints/service";
import { listBlueprints } from "@/lib/blueprints/store-read";
import { createBlueprint } from "@/lib/blueprints/store-write";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(listBlueprintsOp, async ({ params }) => ({ items: await listBlueprints(await getEnvironment(params.env)) }));

export const POST = route(createBlueprintOp, async ({ params, body, principal, audit }) => {
  const { record, issues } = await createBlueprint(await getEnvironment(params.env), body, principal.email);
  audit({ target: `${record.irn}@${record.version}` });
  return toView(record, issues);
});
