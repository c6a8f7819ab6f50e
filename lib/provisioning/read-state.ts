import "server-only";
import { DescribeTableCommand, DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import {
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
} from "@aws-sdk/client-iam";
import { GetEmailIdentityCommand } from "@aws-sdk/client-sesv2";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { AwsClients } from "@/lib/aws/clients";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { DEFAULT_BLUEPRINTS } from "@/lib/provisioning/default-blueprints";
import { environmentNames, type EnvironmentNames, type TableNames } from "@/lib/provisioning/names";
import { probe, valueOf, type Probe } from "@/lib/provisioning/probe";
import { readPolicy, readPoolAndClient, readRole, recordedIdsHint, rememberRecordedIds } from "@/lib/provisioning/read-resources";
export { policyArn } from "@/lib/provisioning/read-resources";
import { readProvisioningRecord, type ProvisioningRecord } from "@/lib/provisioning/record";
import type { TableDescriptionLike, TableExpiryLike } from "@/lib/provisioning/tables";

/**
 * Everything the checklist needs, read from AWS in parallel. Reads that
 * depend on an earlier answer (the policy document after the policy) chain
 * inside their own branch, so the slowest branch sets the time.
 */
export const ADMIN_POLICY_ARN_SUFFIX = ":iam::aws:policy/AdministratorAccess";

export type Identity = { arn: string; account: string; userId: string };
export type Installer = { kind: "user" | "role" | "other"; name: string; admin: boolean; via: string[] };
export type UserPool = { id: string; arn: string; name: string; usernameAttributes: string[]; requiredAttributes: string[] };
export type AppClient = { id: string; name: string; hasSecret: boolean; flows: string[] };
export type ManagedPolicy = { arn: string; document: unknown; defaultVersionId: string; versionIds: { id: string; isDefault: boolean; created: string }[] };
export type Role = { arn: string; trust: unknown; attached: string[]; revokePolicy: unknown | undefined };
export type EmailIdentity = { identity: string; verified: boolean; status: string };
export type StoredBlueprint = { irn: string; version: string; stored: Record<string, unknown> | undefined };

export type EnvironmentState = {
  env: EnvironmentRecord;
  names: EnvironmentNames;
  record: ProvisioningRecord;
  identity: Probe<Identity>;
  installer: Probe<Installer>;
  inlinePolicy: Probe<unknown>;
  tables: Record<keyof TableNames, Probe<TableDescriptionLike>>;
  /** The data table's expiry (TTL); missing when the table is. */
  dataExpiry: Probe<TableExpiryLike>;
  pool: Probe<UserPool>;
  client: Probe<AppClient>;
  policy: Probe<ManagedPolicy>;
  role: Probe<Role>;
  email: Probe<EmailIdentity> | { ok: false; reason: "not-configured" };
  blueprints: Probe<StoredBlueprint[]>;
  readMs: number;
};

export function parseCallerArn(arn: string): { kind: "user" | "role" | "other"; name: string } {
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (user?.[1] && arn.includes(":iam::")) return { kind: "user", name: user[1] };
  const assumed = /:assumed-role\/([^/]+)\//.exec(arn);
  if (assumed?.[1]) return { kind: "role", name: assumed[1] };
  return { kind: "other", name: arn.split(/[:/]/).pop() ?? arn };
}

function readInstaller(c: AwsClients, arn: string): Promise<Probe<Installer>> {
  const who = parseCallerArn(arn);
  if (who.kind === "other") return Promise.resolve({ ok: true, value: { ...who, admin: false, via: [] } });
  if (who.kind === "role") {
    return probe("iam:ListAttachedRolePolicies", async () => {
      const out = await c.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: who.name }));
      const admin = (out.AttachedPolicies ?? []).some((p) => p.PolicyArn?.endsWith(ADMIN_POLICY_ARN_SUFFIX));
      return { ...who, admin, via: admin ? [`role ${who.name}`] : [] };
    });
  }
  return probe("iam:ListAttachedUserPolicies", async () => {
    const [direct, groups] = await Promise.all([
      c.iam.send(new ListAttachedUserPoliciesCommand({ UserName: who.name })),
      c.iam.send(new ListGroupsForUserCommand({ UserName: who.name })),
    ]);
    const via: string[] = [];
    if ((direct.AttachedPolicies ?? []).some((p) => p.PolicyArn?.endsWith(ADMIN_POLICY_ARN_SUFFIX))) via.push("attached to the user");
    await Promise.all(
      (groups.Groups ?? []).map(async (g) => {
        if (!g.GroupName) return;
        const out = await c.iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: g.GroupName }));
        if ((out.AttachedPolicies ?? []).some((p) => p.PolicyArn?.endsWith(ADMIN_POLICY_ARN_SUFFIX))) via.push(`group ${g.GroupName}`);
      }),
    );
    return { ...who, admin: via.length > 0, via };
  });
}

/** Needs only who the caller is, not the installer's policies. */
function readInlinePolicy(c: AwsClients, names: EnvironmentNames, arn: string): Promise<Probe<unknown>> {
  const who = parseCallerArn(arn);
  if (who.kind === "other") return Promise.resolve({ ok: false, reason: "missing" });
  if (who.kind === "role") {
    return probe("iam:GetRolePolicy", async () =>
      (await c.iam.send(new GetRolePolicyCommand({ RoleName: who.name, PolicyName: names.inlinePolicyName }))).PolicyDocument,
    );
  }
  return probe("iam:GetUserPolicy", async () =>
    (await c.iam.send(new GetUserPolicyCommand({ UserName: who.name, PolicyName: names.inlinePolicyName }))).PolicyDocument,
  );
}

/**
 * Who the environment's credentials are rarely changes, so reads that need
 * the caller start at once from the caller this process saw last time, and
 * count only if GetCallerIdentity, answered meanwhile, names the same caller
 * (the same hint-then-check as the recorded ids in read-resources.ts).
 */
const callerHints = new Map<string, string>();

async function fromCaller<T>(identity: Promise<Probe<Identity>>, hint: string | undefined, read: (arn: string) => Promise<Probe<T>>): Promise<Probe<T>> {
  // Probes never reject, so an early read that goes unused cannot become an unhandled rejection.
  const early = hint ? read(hint) : undefined;
  const id = valueOf(await identity);
  if (!id) return { ok: false, reason: "missing" };
  return early && id.arn === hint ? early : read(id.arn);
}

/** Starts with the DescribeTable, not after it: its answer counts only when the table exists. */
async function readExpiry(c: AwsClients, table: string, tableProbe: Promise<Probe<TableDescriptionLike>>): Promise<Probe<TableExpiryLike>> {
  const expiry = probe("dynamodb:DescribeTimeToLive", async () => {
    const d = (await c.dynamodb.send(new DescribeTimeToLiveCommand({ TableName: table }))).TimeToLiveDescription;
    return { status: d?.TimeToLiveStatus ?? "DISABLED", attribute: d?.AttributeName };
  });
  if (!(await tableProbe).ok) return { ok: false, reason: "missing" };
  return expiry;
}

/** The GetItems start with the DescribeTable, not after it: their answer counts only when the table exists. */
async function readBlueprints(c: AwsClients, table: string, tableProbe: Promise<Probe<TableDescriptionLike>>): Promise<Probe<StoredBlueprint[]>> {
  const items = probe("dynamodb:GetItem", () =>
    Promise.all(
      DEFAULT_BLUEPRINTS.map(async (b) => {
        const out = await c.documents.send(new GetCommand({ TableName: table, Key: { irn: b.irn, version: b.version }, ConsistentRead: true }));
        return { irn: b.irn, version: b.version, stored: out.Item };
      }),
    ),
  );
  if (!(await tableProbe).ok) return { ok: false, reason: "missing" };
  return items;
}

export async function readEnvironmentState(env: EnvironmentRecord, partition = "aws"): Promise<EnvironmentState> {
  const started = performance.now();
  const c = clientsForEnvironment(env);
  const names = environmentNames(env.name);
  // Reads that need the record's ids start from the last ids seen (checked against the record); everything else starts at once.
  const hint = recordedIdsHint(env.name);
  const recordRead = readProvisioningRecord(env.name).then((r) => {
    rememberRecordedIds(env.name, r);
    return r;
  });

  const callerHint = callerHints.get(env.name);
  const identity = probe("sts:GetCallerIdentity", async () => {
    const out = await c.sts.send(new GetCallerIdentityCommand({}));
    return out.Arn && out.Account ? { arn: out.Arn, account: out.Account, userId: out.UserId ?? "" } : undefined;
  }).then((found) => {
    if (found.ok) {
      if (!callerHints.has(env.name) && callerHints.size >= 500) callerHints.clear();
      callerHints.set(env.name, found.value.arn);
    }
    return found;
  });
  const installer = fromCaller(identity, callerHint, (arn) => readInstaller(c, arn));
  const inlinePolicy = fromCaller(identity, callerHint, (arn) => readInlinePolicy(c, names, arn));
  const describe = (TableName: string) =>
    probe("dynamodb:DescribeTable", async () => (await c.dynamodb.send(new DescribeTableCommand({ TableName }))).Table);
  const tables = {
    blueprints: describe(names.tables.blueprints),
    data: describe(names.tables.data),
    entities: describe(names.tables.entities),
    rel: describe(names.tables.rel),
  };
  const { pool, client } = readPoolAndClient(c, names, recordRead, hint);
  const policy = readPolicy(c, names, partition, identity, recordRead, hint);
  const role = probe("iam:GetRole", () => readRole(c, names));
  const sender = env.sesSender;
  const email = sender
    ? probe("ses:GetEmailIdentity", async () => {
        const out = await c.ses.send(new GetEmailIdentityCommand({ EmailIdentity: sender }));
        // Verified: SES says SUCCESS, or the identity may already send (either is enough).
        const status = out.VerificationStatus ?? (out.VerifiedForSendingStatus ? "SUCCESS" : "PENDING");
        return { identity: sender, verified: status === "SUCCESS" || Boolean(out.VerifiedForSendingStatus), status };
      })
    : Promise.resolve({ ok: false as const, reason: "not-configured" as const });
  const blueprints = readBlueprints(c, names.tables.blueprints, tables.blueprints);
  const dataExpiry = readExpiry(c, names.tables.data, tables.data);

  const [record, identityR, installerR, inlineR, bp, data, entities, rel, expiryR, poolR, clientR, policyR, roleR, emailR, blueprintsR] = await Promise.all([
    recordRead, identity, installer, inlinePolicy, tables.blueprints, tables.data, tables.entities, tables.rel, dataExpiry, pool, client, policy, role, email, blueprints,
  ]);
  return {
    env,
    names,
    record,
    identity: identityR,
    installer: installerR,
    inlinePolicy: inlineR,
    tables: { blueprints: bp, data, entities, rel },
    dataExpiry: expiryR,
    pool: poolR,
    client: clientR,
    policy: policyR,
    role: roleR,
    email: emailR,
    blueprints: blueprintsR,
    readMs: Math.round(performance.now() - started),
  };
}
