import { createEnvironmentOp, listEnvironmentsOp } from "@/lib/environments/operations";
import { listEnvironments } from "@/lib/environments/read";
import { toView } from "@/lib/environments/record";
import { createEnvironment } from "@/lib/environments/write";
import { route } from "@/lib/http/route";

export const GET = route(listEnvironmentsOp, async () => ({ items: (await listEnvironments()).map(toView) }));

export const POST = route(createEnvironmentOp, async ({ body, principal, audit }) => {
  audit({ target: body.name, environment: body.name });
  return toView(await createEnvironment(body, principal.email));
});
