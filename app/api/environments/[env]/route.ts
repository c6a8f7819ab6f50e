import { deleteEnvironmentOp, getEnvironmentOp, updateEnvironmentOp } from "@/lib/environments/operations";
import { getEnvironment } from "@/lib/environments/read";
import { toView } from "@/lib/environments/record";
import { removeEnvironment, updateEnvironment } from "@/lib/environments/write";
import { route } from "@/lib/http/route";
import { visibleEnvironments } from "@/lib/auth/roles";

export const GET = route(getEnvironmentOp, async ({ params, principal }) => {
  const view = toView(await getEnvironment(params.env));
  return visibleEnvironments(principal) === "all" ? view : { ...view, credentials: { type: "hidden" as const } };
});

export const PATCH = route(updateEnvironmentOp, async ({ params, body, principal }) =>
  toView(await updateEnvironment(params.env, body, principal.email)),
);

export const DELETE = route(deleteEnvironmentOp, async ({ params, query }) => {
  await removeEnvironment(params.env, query.version);
});
