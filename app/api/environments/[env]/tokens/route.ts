import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { createTokenOp, listTokensOp } from "@/lib/jobs/token-operations";

export const GET = route(listTokensOp, async ({ params }) => ({ items: await listApiTokens(params.env) }));

export const POST = route(createTokenOp, async ({ params, body, principal, audit }) => {
  await getEnvironment(params.env);
  const created = await createApiToken({ environment: params.env, ...body }, principal.email);
  audit({ target: `token:${created.record.id}` });
  return created;
});
