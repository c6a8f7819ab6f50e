import { revokeApiToken } from "@/lib/auth/api-tokens";
import { route } from "@/lib/http/route";
import { revokeTokenOp } from "@/lib/jobs/token-operations";

export const DELETE = route(revokeTokenOp, async ({ params, audit }) => {
  audit({ target: `token:${params.id}` });
  await revokeApiToken(params.env, params.id);
});
