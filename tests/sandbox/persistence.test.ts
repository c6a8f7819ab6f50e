// The sandbox emulator keeps what the console created across restarts, with the
// same ids (the console stores pool ids, client ids and role ARNs in its own tables,
// so a restart that renamed them would break every environment).
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, PutItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolesCommand,
} from "@aws-sdk/client-iam";
import { CreateEmailIdentityCommand, ListEmailIdentitiesCommand, SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../scripts/sandbox/emulator.mjs";

const POOL = "tanktower-operators";
const TABLE = "tt-entities";
const SENDER = "noreply@sandbox.tanktower.local";
const OPERATOR = "operator@example.com";
const PASSWORD = "Operator-Pass-1!";
const ASSUME_ROLE_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

function clients(url: string) {
  const config = { endpoint: url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  return {
    url,
    cognito: new CognitoIdentityProviderClient(config),
    dynamo: new DynamoDBClient(config),
    iam: new IAMClient(config),
    ses: new SESv2Client(config),
  };
}
type Clients = ReturnType<typeof clients>;

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

async function poolId(aws: Clients): Promise<string> {
  const { UserPools } = await aws.cognito.send(new ListUserPoolsCommand({ MaxResults: 10 }));
  const pool = (UserPools ?? []).find((candidate) => candidate.Name === POOL);
  return required(pool?.Id, "user pool id");
}

// SES v1's GetSendQuota counts sent mail; there is no v1 client in the project, and the
// emulator routes by the signing scope without checking signatures.
async function sentLast24Hours(url: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=0",
    },
    body: "Action=GetSendQuota&Version=2010-12-01",
  });
  const match = /<SentLast24Hours>([\d.]+)<\/SentLast24Hours>/.exec(await response.text());
  return Number(required(match?.[1], "SentLast24Hours"));
}

/** Everything the test created, read back with values that must not change on restart. */
async function snapshot(aws: Clients) {
  const id = await poolId(aws);
  const pool = required((await aws.cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool, "pool");
  const poolClients = (await aws.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: id, MaxResults: 60 }))).UserPoolClients ?? [];
  const groups = (await aws.cognito.send(new ListGroupsCommand({ UserPoolId: id, Limit: 60 }))).Groups ?? [];
  const users = (await aws.cognito.send(new ListUsersCommand({ UserPoolId: id }))).Users ?? [];
  const operatorGroups = (await aws.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: id, Username: OPERATOR }))).Groups ?? [];
  const table = required((await aws.dynamo.send(new DescribeTableCommand({ TableName: TABLE }))).Table, "table");
  const items = (await aws.dynamo.send(new ScanCommand({ TableName: TABLE }))).Items ?? [];
  const role = required((await aws.iam.send(new GetRoleCommand({ RoleName: "tt-provisioner" }))).Role, "role");
  const attached = (await aws.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "tt-provisioner" }))).AttachedPolicies ?? [];
  const policyArn = "arn:aws:iam::123456789012:policy/tt-tank-access";
  const policy = required((await aws.iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy, "policy");
  const identities = (await aws.ses.send(new ListEmailIdentitiesCommand({}))).EmailIdentities ?? [];
  return {
    pool: { id: pool.Id, arn: pool.Arn, created: pool.CreationDate?.toISOString() },
    clients: poolClients.map((c) => `${c.ClientName}=${c.ClientId}`).sort(),
    groups: groups.map((g) => `${g.GroupName}@${g.CreationDate?.toISOString()}`).sort(),
    users: users.map((u) => ({
      name: u.Username,
      status: u.UserStatus,
      sub: u.Attributes?.find((a) => a.Name === "sub")?.Value,
      created: u.UserCreateDate?.toISOString(),
    })),
    operatorGroups: operatorGroups.map((g) => g.GroupName).sort(),
    table: { arn: table.TableArn, created: table.CreationDateTime?.toISOString() },
    items: items.map((item) => JSON.stringify(item)).sort(),
    role: { id: role.RoleId, arn: role.Arn, created: role.CreateDate?.toISOString() },
    attached: attached.map((p) => p.PolicyArn).sort(),
    policy: { id: policy.PolicyId, arn: policy.Arn, version: policy.DefaultVersionId },
    identities: identities.map((i) => `${i.IdentityName}:${i.SendingEnabled}`).sort(),
  };
}

describe("sandbox emulator persistence", () => {
  const stateDir = mkdtempSync(path.join(tmpdir(), "tt-sandbox-test-"));
  const journal = path.join(stateDir, "journal.jsonl");
  let running: Emulator | undefined;

  async function start(): Promise<Clients> {
    running = await startEmulator({ port: 0, stateDir, log: () => {} });
    return clients(running.url);
  }
  async function stop(): Promise<void> {
    await running?.stop();
    running = undefined;
  }
  const journalLines = () => readFileSync(journal, "utf8").split("\n").filter(Boolean).length;

  let round1: Awaited<ReturnType<typeof snapshot>>;
  let round2: Awaited<ReturnType<typeof snapshot>>;
  let refreshToken = "";
  let concurrentClientIds: string[] = [];

  afterEach(stop); // also after a failed round, so the next one can take the state dir
  afterAll(async () => {
    await stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("round 1: creates pool, client, group, user, table, role, policy, identity and mail", async () => {
    const aws = await start();
    // Reads first, as a bootstrap does: moto creates a service's backend on first use,
    // and that must not shift the ids of the mutations that follow (nor of their replay).
    expect((await aws.cognito.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools).toEqual([]);
    expect((await aws.dynamo.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    expect((await aws.iam.send(new ListRolesCommand({}))).Roles).toEqual([]);
    expect((await aws.ses.send(new ListEmailIdentitiesCommand({}))).EmailIdentities).toEqual([]);
    const pool = required((await aws.cognito.send(new CreateUserPoolCommand({ PoolName: POOL }))).UserPool?.Id, "pool id");
    const clientId = required((await aws.cognito.send(new CreateUserPoolClientCommand({
      UserPoolId: pool, ClientName: "console", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }))).UserPoolClient?.ClientId, "client id");
    await aws.cognito.send(new CreateGroupCommand({ UserPoolId: pool, GroupName: "operators" }));
    await aws.cognito.send(new AdminCreateUserCommand({
      UserPoolId: pool, Username: OPERATOR, TemporaryPassword: "Temporary-1!", MessageAction: "SUPPRESS",
      UserAttributes: [{ Name: "email", Value: OPERATOR }, { Name: "email_verified", Value: "true" }],
    }));
    await aws.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: OPERATOR, Password: PASSWORD, Permanent: true }));
    await aws.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: OPERATOR, GroupName: "operators" }));
    const auth = await aws.cognito.send(new InitiateAuthCommand({
      ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: OPERATOR, PASSWORD },
    }));
    refreshToken = required(auth.AuthenticationResult?.RefreshToken, "refresh token");

    await aws.dynamo.send(new CreateTableCommand({
      TableName: TABLE, BillingMode: "PAY_PER_REQUEST",
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
    }));
    await aws.dynamo.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: "env#dev" }, name: { S: "Development" } } }));

    await aws.iam.send(new CreateRoleCommand({ RoleName: "tt-provisioner", AssumeRolePolicyDocument: ASSUME_ROLE_POLICY }));
    await aws.iam.send(new CreatePolicyCommand({
      PolicyName: "tt-tank-access",
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "dynamodb:GetItem", Resource: "*" }] }),
    }));
    await aws.iam.send(new AttachRolePolicyCommand({ RoleName: "tt-provisioner", PolicyArn: "arn:aws:iam::123456789012:policy/tt-tank-access" }));
    // An AWS managed policy: only there because the emulator loads them.
    await aws.iam.send(new AttachRolePolicyCommand({ RoleName: "tt-provisioner", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }));

    await aws.ses.send(new CreateEmailIdentityCommand({ EmailIdentity: SENDER }));
    await aws.ses.send(new SendEmailCommand({
      FromEmailAddress: SENDER, Destination: { ToAddresses: [OPERATOR] },
      Content: { Simple: { Subject: { Data: "Welcome" }, Body: { Text: { Data: "Hello" } } } },
    }));

    round1 = await snapshot(aws);
    expect(round1.pool.id).toMatch(/^us-east-1_\w+$/);
    expect(round1.clients).toEqual([`console=${clientId}`]);
    expect(round1.users).toHaveLength(1);
    expect(round1.users[0]?.status).toBe("CONFIRMED");
    expect(round1.operatorGroups).toEqual(["operators"]);
    expect(round1.role.arn).toBe("arn:aws:iam::123456789012:role/tt-provisioner");
    expect(round1.role.id).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(round1.attached).toEqual(["arn:aws:iam::123456789012:policy/tt-tank-access", "arn:aws:iam::aws:policy/AdministratorAccess"]);
    expect(round1.identities).toEqual([`${SENDER}:true`]);
    expect(await sentLast24Hours(aws.url)).toBe(1);

    // Reads are not journaled.
    const before = journalLines();
    await snapshot(aws);
    expect(journalLines()).toBe(before);
    await stop();
  }, 600_000);

  it("round 2: a restart keeps every id; then more changes, 20 of them at once", async () => {
    const aws = await start();
    expect(await snapshot(aws)).toEqual(round1);
    expect(await sentLast24Hours(aws.url)).toBe(1);
    // The refresh token issued before the restart is still known to the pool.
    const refreshed = await aws.cognito.send(new InitiateAuthCommand({
      ClientId: required(round1.clients[0]?.split("=")[1], "client id"),
      AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: refreshToken },
    }));
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();

    const pool = required(round1.pool.id, "pool id");
    await aws.iam.send(new CreateUserCommand({ UserName: "tt-ci" }));
    await aws.dynamo.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: "env#prod" }, name: { S: "Production" } } }));

    const results = await Promise.all(Array.from({ length: 21 }, (_, n) => {
      switch (n % 3) {
        case 0:
          return aws.cognito.send(new CreateGroupCommand({ UserPoolId: pool, GroupName: `tank-${n}` })).then(() => `group tank-${n}`);
        case 1:
          return aws.dynamo.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: `tank#${n}` } } })).then(() => `item ${n}`);
        default:
          return aws.cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool, ClientName: `tank-${n}` }))
            .then((r) => required(r.UserPoolClient?.ClientId, "client id"));
      }
    }));
    concurrentClientIds = results.filter((_, n) => n % 3 === 2);
    expect(new Set(concurrentClientIds).size).toBe(7);

    round2 = await snapshot(aws);
    expect(round2.clients).toHaveLength(8);
    expect(round2.groups).toHaveLength(8);
    expect(round2.items).toHaveLength(9);
    await stop();
  }, 600_000);

  it("round 3: a second restart in a row keeps both rounds, concurrent ones included", async () => {
    const aws = await start();
    const after = await snapshot(aws);
    expect(after).toEqual(round2);
    for (const id of concurrentClientIds) expect(after.clients.some((c) => c.endsWith(`=${id}`))).toBe(true);
    expect(after.pool).toEqual(round1.pool);
    expect(after.role).toEqual(round1.role);
    expect(after.policy).toEqual(round1.policy);
    const user = required((await aws.iam.send(new GetUserCommand({ UserName: "tt-ci" }))).User, "iam user");
    expect(user.Arn).toBe("arn:aws:iam::123456789012:user/tt-ci");
    await stop();
  }, 600_000);

  it("a journal line cut short by a crash is dropped, the rest replays", async () => {
    const size = readFileSync(journal).length;
    appendFileSync(journal, '{"t":1,"method":"POST","pa');
    const aws = await start();
    expect(await snapshot(aws)).toEqual(round2);
    await stop();
    expect(readFileSync(journal).length).toBe(size);
  }, 600_000);
});
