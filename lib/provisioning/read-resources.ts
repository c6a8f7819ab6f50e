import "server-only";
import { DescribeUserPoolClientCommand, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListPolicyVersionsCommand,
} from "@aws-sdk/client-iam";
import type { AwsClients } from "@/lib/aws/clients";
import { awsErrorKind } from "@/lib/aws/errors";
import { findAppClientIdByName, findUserPoolIdByName } from "@/lib/aws/cognito-lookup";
import type { EnvironmentNames } from "@/lib/provisioning/names";
import { probe, valueOf, type Probe } from "@/lib/provisioning/probe";
import type { AppClient, Identity, ManagedPolicy, Role, UserPool } from "@/lib/provisioning/read-state";
import type { ProvisioningRecord } from "@/lib/provisioning/record";

/**
 * Reads of resources whose ids provisioning recorded (record.ts), for the
 * checklist. Each starts from the recorded id, so a chain of dependent reads
 * (list pools → describe pool → list clients → describe client; caller →
 * policy → its default version) becomes reads made at once, and falls back to
 * the lookup by name only when the recorded id is gone or no longer right.
 *
 * The record is itself a read. To overlap it too, the ids this process saw in
 * the record last time are a hint: reads start from them at once, and their
 * answers are used only if the record, once read, holds the same ids. The
 * record stays the authority; a replica with no hint (or a stale one) just
 * starts after the record, as if there were none. Not state: losing it costs
 * one round trip.
 */
export type RecordedIds = Pick<ProvisioningRecord, "userPoolId" | "appClientId" | "policyArn" | "policyVersionId">;

const hints = new Map<string, RecordedIds>();
const MAX_HINTS = 500;

export function recordedIdsHint(env: string): RecordedIds | undefined {
  return hints.get(env);
}

export function rememberRecordedIds(env: string, record: ProvisioningRecord): void {
  if (!hints.has(env) && hints.size >= MAX_HINTS) hints.clear();
  const { userPoolId, appClientId, policyArn, policyVersionId } = record;
  hints.set(env, { userPoolId, appClientId, policyArn, policyVersionId });
}

export function policyArn(partition: string, accountId: string, policyName: string): string {
  return `arn:${partition}:iam::${accountId}:policy/${policyName}`;
}

/** A read started ahead of need may go unused: its failure must not become an unhandled rejection. */
function handled<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

/** Missing answers `undefined`; anything else (denied, failed) is the probe's to classify. */
async function unlessMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (awsErrorKind(err) === "missing") return undefined;
    throw err;
  }
}

function toPool(pool: { Id?: string; Arn?: string; Name?: string; UsernameAttributes?: string[]; SchemaAttributes?: { Name?: string; Required?: boolean }[] } | undefined): UserPool | undefined {
  if (!pool?.Id || !pool.Arn) return undefined;
  return {
    id: pool.Id,
    arn: pool.Arn,
    name: pool.Name ?? "",
    usernameAttributes: pool.UsernameAttributes ?? [],
    requiredAttributes: (pool.SchemaAttributes ?? []).filter((a) => a.Required).map((a) => a.Name ?? ""),
  };
}

function toClient(client: { ClientId?: string; ClientName?: string; ClientSecret?: string; ExplicitAuthFlows?: string[] } | undefined): AppClient | undefined {
  if (!client?.ClientId) return undefined;
  // The secret itself is not kept: only whether there is one.
  return { id: client.ClientId, name: client.ClientName ?? "", hasSecret: Boolean(client.ClientSecret), flows: client.ExplicitAuthFlows ?? [] };
}

/** Step 4a's pool and its app client: both described at once from the recorded ids, looked up by name otherwise. */
export function readPoolAndClient(
  c: AwsClients,
  names: EnvironmentNames,
  record: Promise<ProvisioningRecord>,
  hint: RecordedIds | undefined,
): { pool: Promise<Probe<UserPool>>; client: Promise<Probe<AppClient>> } {
  const describePool = (UserPoolId: string) => c.cognito.send(new DescribeUserPoolCommand({ UserPoolId })).then((out) => toPool(out.UserPool));
  const describeClient = (UserPoolId: string, ClientId: string) =>
    c.cognito.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId })).then((out) => toClient(out.UserPoolClient));

  // The recorded pair, both reads in flight together (a missing one answers undefined, not an error).
  const start = (poolId: string | undefined, clientId: string | undefined) => ({
    poolId,
    clientId,
    pool: handled(poolId ? unlessMissing(describePool(poolId)) : Promise.resolve(undefined)),
    client: handled(poolId && clientId ? unlessMissing(describeClient(poolId, clientId)) : Promise.resolve(undefined)),
  });
  const early = hint?.userPoolId ? start(hint.userPoolId, hint.appClientId) : undefined;
  const recorded = record.then((r) =>
    early && early.poolId === r.userPoolId && early.clientId === r.appClientId ? early : start(r.userPoolId, r.appClientId),
  );

  const pool = probe("cognito-idp:DescribeUserPool", async () => {
    const known = await recorded;
    const found = await known.pool;
    if (found) return found;
    const id = await findUserPoolIdByName(c.cognito, names.userPoolName);
    return id ? describePool(id) : undefined;
  });

  const client = (async (): Promise<Probe<AppClient>> => {
    const p = valueOf(await pool);
    if (!p) return { ok: false, reason: "missing" };
    return probe("cognito-idp:DescribeUserPoolClient", async () => {
      const known = await recorded;
      if (known.poolId === p.id) {
        const found = await known.client;
        if (found) return found;
      }
      const id = await findAppClientIdByName(c.cognito, p.id, names.appClientName);
      return id ? describeClient(p.id, id) : undefined;
    });
  })();

  return { pool, client };
}

/**
 * Step 4's managed policy. With a recorded ARN and version, GetPolicy,
 * ListPolicyVersions and GetPolicyVersion go out together; the recorded
 * version is used only if it is still the default, and the ARN only if it
 * matches the caller's account (credentials may have moved to another).
 */
export async function readPolicy(
  c: AwsClients,
  names: EnvironmentNames,
  partition: string,
  identity: Promise<Probe<Identity>>,
  record: Promise<ProvisioningRecord>,
  hint: RecordedIds | undefined,
): Promise<Probe<ManagedPolicy>> {
  const early = hint?.policyArn ? handled(startPolicyRead(c, hint.policyArn, hint.policyVersionId)) : undefined;
  const r = await record;
  const speculative =
    early && hint?.policyArn === r.policyArn && hint?.policyVersionId === r.policyVersionId
      ? early
      : r.policyArn
        ? handled(startPolicyRead(c, r.policyArn, r.policyVersionId))
        : undefined;
  const id = await identity;
  if (!id.ok) return { ok: false, reason: "missing" };
  const arn = policyArn(partition, id.value.account, names.policyName);
  return probe("iam:GetPolicy", () => (speculative && r.policyArn === arn ? speculative : startPolicyRead(c, arn, undefined)));
}

async function startPolicyRead(c: AwsClients, arn: string, versionGuess: string | undefined): Promise<ManagedPolicy | undefined> {
  const guessed = handled(
    versionGuess ? unlessMissing(c.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionGuess }))) : Promise.resolve(undefined),
  );
  const [policyOut, versions] = await Promise.all([
    c.iam.send(new GetPolicyCommand({ PolicyArn: arn })),
    c.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn })),
  ]);
  const policy = policyOut.Policy;
  const versionId = policy?.DefaultVersionId;
  if (!policy || !versionId) return undefined;
  const version =
    versionGuess === versionId
      ? ((await guessed) ?? (await c.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }))))
      : await c.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
  return {
    arn,
    document: version.PolicyVersion?.Document,
    defaultVersionId: versionId,
    versionIds: (versions.Versions ?? []).map((v) => ({ id: v.VersionId ?? "", isDefault: Boolean(v.IsDefaultVersion), created: v.CreateDate?.toISOString() ?? "" })),
  };
}

/** Step 5: the role, its attached policies and the revoke policy, read at once (the last two count only if the role exists). */
export async function readRole(c: AwsClients, names: EnvironmentNames): Promise<Role | undefined> {
  const attached = handled(c.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: names.roleName })));
  const revoke = c.iam
    .send(new GetRolePolicyCommand({ RoleName: names.roleName, PolicyName: names.revokePolicyName }))
    .then((out) => out.PolicyDocument)
    .catch(() => undefined);
  const role = (await c.iam.send(new GetRoleCommand({ RoleName: names.roleName }))).Role;
  if (!role?.Arn) return undefined;
  return {
    arn: role.Arn,
    trust: role.AssumeRolePolicyDocument,
    attached: ((await attached).AttachedPolicies ?? []).map((p) => p.PolicyArn ?? ""),
    revokePolicy: await revoke,
  };
}
