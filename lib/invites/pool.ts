import "server-only";
import { DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { toUpstreamError } from "@/lib/aws/errors";
import { NotConfiguredError } from "@/lib/http/errors";
import { readProvisioningRecord } from "@/lib/provisioning/record";
import type { EnvContext } from "@/lib/entities/context";
import type { PasswordPolicy } from "@/lib/invites/password";

/** The environment's user pool (from provisioning) with the policy invites must meet; cached a minute. */
export type PoolInfo = { userPoolId: string; policy: PasswordPolicy; validityDays: number };

const cache = new Map<string, { value: PoolInfo; at: number }>();
const TTL_MS = 60_000;

export async function environmentPool(ctx: EnvContext): Promise<PoolInfo> {
  const hit = cache.get(ctx.env.name);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const { userPoolId } = await readProvisioningRecord(ctx.env.name);
  if (!userPoolId) throw new NotConfiguredError(`${ctx.env.name} has no user pool yet. Provision the environment first (step 4a).`);
  try {
    const out = await ctx.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
    const policy = out.UserPool?.Policies?.PasswordPolicy ?? {};
    const value: PoolInfo = { userPoolId, policy, validityDays: policy.TemporaryPasswordValidityDays ?? 7 };
    cache.set(ctx.env.name, { value, at: Date.now() });
    return value;
  } catch (err) {
    throw toUpstreamError(err, "reading the environment's user pool");
  }
}
