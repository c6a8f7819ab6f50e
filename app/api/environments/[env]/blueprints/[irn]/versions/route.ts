import { listVersionsOp, startVersionOp } from "@/lib/blueprints/operations";
import { toView } from "@/lib/blueprints/service";
import { listVersions } from "@/lib/blueprints/store-read";
import { startVersion } from "@/lib/blueprints/store-write";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(listVersionsOp, async ({ params }) => ({
  irn: params.irn,
  items: await listVersions(await getEnvironment(params.env), params.irn),
}));

export const POST = route(startVersionOp, async ({ params, body, principal, audit }) => {
  const { record, issues } = await startVersion(await getEnvironment(params.env), params.irn, body, principal.email);
  audit({ target: `${record.irn}@${record.version}` });
  return toView(record, issues);
});
