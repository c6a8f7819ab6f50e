import { createEnvironmentOp, listEnvironmentsOp } from "@/lib/environments/operations";
import { listEnvironments } from "@/lib/environments/read";
import { toView } from "@/lib/environments/record";
import { createEnvironment } from "@/lib/environments/write";
import { route } from "@/lib/http/route";
import { visibleEnvironments } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/http/errors";

export const GET = route(listEnvironmentsOp, async ({ principal }) => {
  const visible = visibleEnvironments(principal);
  if (visible !== "all" && visible.length === 0) throw new ForbiddenError("Your account has no operator role and no environment role.");
  const all = (await listEnvironments()).map(toView);
  if (visible === "all") return { items: all };
  return { items: all.filter((e) => visible.includes(e.name)).map((e) => ({ ...e, credentials: { type: "hidden" as const } })) };
});

export const POST = route(createEnvironmentOp, async ({ body, principal, audit }) => {
  audit({ target: body.name, environment: body.name });
  return toView(await createEnvironment(body, principal.email));
});
