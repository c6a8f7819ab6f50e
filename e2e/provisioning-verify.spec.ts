import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { GetPolicyCommand, GetPolicyVersionCommand, GetRoleCommand, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { DescribeUserPoolClientCommand, DescribeUserPoolCommand, ListUserPoolClientsCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { aws } from "./support/aws";
import { e2e } from "./support/env";

/**
 * An independent check of the provisioned sandbox: plain AWS SDK calls and the
 * setup document's literal values (with its fixes), none of the console's code.
 */
const ACCOUNT = "123456789012";
const keys = (hash: string, range: string) => [{ AttributeName: hash, KeyType: "HASH" }, { AttributeName: range, KeyType: "RANGE" }];

test("every resource of the sandbox matches the setup document, with its fixes", async () => {
  const dynamodb = aws.dynamodb();
  const describe = async (name: string) => (await dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table;

  expect((await describe("sandbox_blueprints"))?.KeySchema).toEqual(keys("irn", "version"));
  expect((await describe("sandbox_entities"))?.KeySchema).toEqual(keys("index", "_id"));
  expect((await describe("sandbox_rel"))?.KeySchema).toEqual(keys("index", "rel"));
  const data = await describe("sandbox_data");
  expect(data?.KeySchema).toEqual(keys("portfolio_index", "doc_index"));
  const lsi = Object.fromEntries((data?.LocalSecondaryIndexes ?? []).map((i) => [i.IndexName, i]));
  expect(Object.keys(lsi).sort()).toEqual(["geo_index", "path_index", "time_index"]);
  expect(lsi.geo_index?.KeySchema).toEqual(keys("portfolio_index", "geo_index"));
  expect(lsi.geo_index?.Projection?.ProjectionType).toBe("KEYS_ONLY");
  expect(lsi.path_index?.Projection?.ProjectionType).toBe("ALL");
  expect(lsi.time_index?.KeySchema).toEqual(keys("portfolio_index", "time_index"));
  expect(lsi.time_index?.Projection).toMatchObject({ ProjectionType: "INCLUDE", NonKeyAttributes: ["path_index"] });

  const cognito = aws.cognito();
  const poolId = (await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.find((p) => p.Name === "sandbox")?.Id ?? "";
  const pool = (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
  expect(pool?.UsernameAttributes).toEqual(["email"]);
  expect((pool?.SchemaAttributes ?? []).filter((a) => a.Required && a.Name !== "sub")).toEqual([]);
  const clientId = (await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }))).UserPoolClients?.find((c) => c.ClientName === "sandbox_app")?.ClientId ?? "";
  const client = (await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient;
  expect(client?.ClientSecret).toBeTruthy();
  expect(client?.ExplicitAuthFlows).toEqual(expect.arrayContaining(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]));

  const iam = aws.iam();
  const policyArn = `arn:aws:iam::${ACCOUNT}:policy/sandbox_tt_policy`;
  const version = (await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy?.DefaultVersionId ?? "";
  const raw = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: version }))).PolicyVersion?.Document ?? "";
  const policy = JSON.parse(raw.startsWith("{") ? raw : decodeURIComponent(raw)) as { Statement: { Action: string | string[]; Resource: string | string[] }[] };
  const resources = (action: string) =>
    policy.Statement.filter((s) => [s.Action].flat().includes(action)).flatMap((s) => [s.Resource].flat());
  // Fix: all three indexes of the data table, not only path_index.
  for (const index of ["path_index", "time_index", "geo_index"]) {
    expect(resources("dynamodb:Query")).toContain(`arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/sandbox_data/index/${index}`);
  }
  // Fix: the real pool ARN, not us-east-1 hard-coded with <region>_<pool id>.
  expect(resources("cognito-idp:AdminCreateUser")).toEqual([pool?.Arn]);
  // Fix: no execute-api statement with the document's hard-coded API id while the app has no API URL.
  expect(raw).not.toContain("gs338uqho1");
  expect(resources("execute-api:Invoke")).toEqual([]);

  // Fix: the role is <env>_tt_role, with the policy attached and the 5b trust policy.
  const role = (await iam.send(new GetRoleCommand({ RoleName: "sandbox_tt_role" }))).Role;
  const trust = JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? "{}")) as { Statement: { Principal: { Service: string[] }; Action: string }[] };
  expect([trust.Statement[0]?.Principal.Service].flat().sort()).toEqual(["apigateway.amazonaws.com", "events.amazonaws.com", "lambda.amazonaws.com"]);
  const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "sandbox_tt_role" }))).AttachedPolicies?.map((p) => p.PolicyArn);
  expect(attached).toContain(policyArn);

  // Step 8: the blueprints, verbatim (quirks included).
  for (const [file, irn] of [["sys-entities", "irn:blueprint:sys:entities"], ["irma-schd-jobs", "irn:blueprint:irma:schd_jobs"], ["irma-schd-runs", "irn:blueprint:irma:schd_runs"]] as const) {
    const item = await dynamodb.send(new GetItemCommand({ TableName: "sandbox_blueprints", Key: { irn: { S: irn }, version: { S: "0.0.1" } } }));
    expect(unmarshall(item.Item ?? {})).toEqual(JSON.parse(readFileSync(`blueprints/${file}.json`, "utf8")));
  }
});

test("step 7 sends a test email and step 9 reveals the key only on request, audited", async ({ page }) => {
  await page.goto("/environments/sandbox/provisioning");
  const step7 = page.getByTestId("step-7");
  await step7.getByLabel("Send a test email to").fill("someone@example.com");
  await step7.getByRole("button", { name: "Send test email" }).click();
  await expect(step7.getByText(/^Sent \(message/)).toBeVisible();
  const sent = (await (await fetch(`${e2e.emulatorUrl}/moto-api/data.json`)).json()) as { ses?: { Message?: unknown[] } };
  expect(JSON.stringify(sent)).toContain("someone@example.com");

  const step9 = page.getByTestId("step-9");
  await expect(step9).not.toContainText(/wJalr|[A-Za-z0-9/+]{40}/);
  await step9.getByRole("button", { name: "Reveal the secret (audited)" }).click();
  await expect(step9.getByTestId("revealed-key-id")).toHaveText(/^AKIA/);
  await expect(step9.getByTestId("revealed-secret")).toHaveText(/.{20,}/);
  const audit = await (await page.request.get("/api/audit?environment=sandbox&action=environment.reveal-secret")).json();
  expect(audit.items[0]).toMatchObject({ action: "environment.reveal-secret", outcome: "success", actor: "operator@e2e.tanktower.local" });
});
