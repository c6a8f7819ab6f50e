import { createBlueprintOp, listBlueprintsOp } from "@/lib/blueprints/operations";
import { toView } from "@/lib/blueprints/service";
import { listBlueprints } from "@/lib/blueprints/store-read";
import { createBlueprint } from "@/lib/blueprints/store-write";
import { countDocuments } from "@/lib/documents/count";
import { SYSTEM_PORTFOLIO } from "@/lib/documents/keys";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(listBlueprintsOp, async ({ params }) => {
  const env = await getEnvironment(params.env);
  return { items: await listBlueprints(env, (name) => countDocuments(env, SYSTEM_PORTFOLIO, name)) };
});

export const POST = route(createBlueprintOp, async ({ params, body, principal, audit }) => {
  const { record, issues } = await createBlueprint(await getEnvironment(params.env), body, principal.email);
  audit({ target: `${record.irn}@${record.version}` });
  return toView(record, issues);
});
