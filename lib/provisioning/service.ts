import "server-only";
import { PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { toUpstreamError } from "@/lib/aws/errors";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { ConflictError, NotFoundError } from "@/lib/http/errors";
import { computeChecklist } from "@/lib/provisioning/checklist";
import { leastPrivilegeFor } from "@/lib/provisioning/least-privilege-iam";
import type { Checklist, Plan } from "@/lib/provisioning/model";
import { computePlan } from "@/lib/provisioning/plan";
import { documentationFixes, renderRevokeSessionsPolicy, renderTtPolicy } from "@/lib/provisioning/policies";
import { valueOf } from "@/lib/provisioning/probe";
import { readEnvironmentState } from "@/lib/provisioning/read-state";
import { updateProvisioningRecord } from "@/lib/provisioning/record";
import { renderContextOf } from "@/lib/provisioning/render-context";
import { SharedReads } from "@/lib/provisioning/shared-read";
import { renderZappaSettings, type ZappaStage } from "@/lib/provisioning/zappa-settings";

/**
 * The least-privilege answer depends only on the rendered policy and where it
 * is asked, which rarely change between reads: remember recent answers for a
 * while rather than asking IAM on every checklist read. A cache of a derived
 * answer, not state: any replica may recompute it.
 */
const LEAST_PRIVILEGE_TTL_MS = 10 * 60 * 1000;
const leastPrivilegeCache = new Map<string, { expires: number; result: ReturnType<typeof leastPrivilegeFor> }>();

function leastPrivilegeOf(env: EnvironmentRecord, ctx: ReturnType<typeof renderContextOf>) {
  const policy = renderTtPolicy(ctx).document;
  const key = JSON.stringify([env.name, env.accountId, env.region, policy, ctx]);
  const now = Date.now();
  const hit = leastPrivilegeCache.get(key);
  if (hit && hit.expires > now) return hit.result;
  if (leastPrivilegeCache.size >= 50) leastPrivilegeCache.clear();
  const result = leastPrivilegeFor(clientsForEnvironment(env).iam, policy, ctx);
  leastPrivilegeCache.set(key, { expires: now + LEAST_PRIVILEGE_TTL_MS, result });
  result.catch(() => leastPrivilegeCache.delete(key));
  return result;
}

const checklistReads = new SharedReads<Checklist>();

/** Called after the console changes an environment's resources: later checklist reads start after the change. */
export function forgetChecklistRead(env: string): void {
  checklistReads.forget(env);
}

/**
 * The checklist of one environment: every step from live reads, made in
 * parallel. Requests that come while one read of the same environment (same
 * record version) is in flight share it.
 */
export function getChecklist(env: EnvironmentRecord): Promise<Checklist> {
  return checklistReads.run(env.name, String(env.version), () => readChecklist(env));
}

async function readChecklist(env: EnvironmentRecord): Promise<Checklist> {
  const state = await readEnvironmentState(env);
  const ctx = renderContextOf(state);
  const { results: leastPrivilege, source } = await leastPrivilegeOf(env, ctx);
  return {
    environment: env.name,
    accountId: valueOf(state.identity)?.account ?? env.accountId ?? null,
    region: env.region,
    readAt: new Date().toISOString(),
    readMs: state.readMs,
    rows: computeChecklist(state),
    fixes: documentationFixes(),
    leastPrivilege: leastPrivilege.map(({ action, resource, why, allowed }) => ({ action, resource, why, allowed })),
    leastPrivilegeBy: source.by,
    revokedAt: state.record.sessionsRevokedAt ?? null,
  };
}

export async function planEnvironment(env: EnvironmentRecord): Promise<Plan> {
  return computePlan(await readEnvironmentState(env));
}

/** Plan and per-step status from one read (the CLI shows both). */
export async function planWithStatus(env: EnvironmentRecord): Promise<{ plan: Plan; steps: Record<string, string> }> {
  const state = await readEnvironmentState(env);
  return { plan: computePlan(state), steps: Object.fromEntries(computeChecklist(state).map((r) => [r.id, r.status])) };
}

/** Step 5c: deny everything to sessions of the role issued before now. */
export async function revokeSessions(env: EnvironmentRecord): Promise<{ revokedAt: string }> {
  const state = await readEnvironmentState(env);
  if (!valueOf(state.role)) throw new ConflictError(`${state.names.roleName} does not exist yet; provision the environment first.`);
  const now = new Date();
  try {
    await clientsForEnvironment(env).iam.send(
      new PutRolePolicyCommand({
        RoleName: state.names.roleName,
        PolicyName: state.names.revokePolicyName,
        PolicyDocument: JSON.stringify(renderRevokeSessionsPolicy(now)),
      }),
    );
  } catch (err) {
    throw toUpstreamError(err, "revoking the role's sessions");
  }
  const revokedAt = now.toISOString();
  await updateProvisioningRecord(env.name, { sessionsRevokedAt: revokedAt });
  forgetChecklistRead(env.name);
  return { revokedAt };
}

/** Step 6: zappa_settings.json; the client secret appears only as a reference. */
export async function zappaSettings(env: EnvironmentRecord): Promise<Record<string, ZappaStage>> {
  const state = await readEnvironmentState(env);
  const role = valueOf(state.role);
  const pool = valueOf(state.pool);
  const client = valueOf(state.client);
  const bucketName = state.record.bucketName;
  if (!role || !pool || !client || !bucketName) {
    throw new NotFoundError(`zappa_settings.json needs the user pool, app client, bucket name and role of ${env.name}; provision it first.`);
  }
  return renderZappaSettings({
    env: env.name,
    region: env.region,
    roleName: state.names.roleName,
    roleArn: role.arn,
    bucketName,
    userPoolId: pool.id,
    appClientId: client.id,
    clientSecretRef: `cognito-idp://${pool.id}/${client.id}`,
    tables: state.names.tables,
  });
}
