import { expect, test, type Page } from "@playwright/test";
import { CreateTableCommand, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { CreatePolicyVersionCommand, GetRoleCommand } from "@aws-sdk/client-iam";
import { ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { expectAccessible } from "./support/axe";
import { aws } from "./support/aws";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36).slice(-5)}`;
const STEPS = ["1", "2", "3", "4a", "4b", "4", "5", "5b", "5c", "6", "7", "8", "9"];

async function addEnvironment(page: Page, name: string) {
  const res = await page.request.post("/api/environments", {
    data: { name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` },
  });
  expect(res.status()).toBe(201);
}

async function planAndApply(page: Page) {
  await page.getByRole("button", { name: "Plan changes" }).click();
  await expect(page.getByRole("heading", { name: /^Plan:/ })).toBeVisible();
  await page.getByRole("button", { name: "Apply this plan" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Done in/ })).toBeVisible({ timeout: 60_000 });
}

const step = (page: Page, id: string) => page.getByTestId(`step-${id}`);

test("the sandbox environment starts fully provisioned, and the page is accessible", async ({ page }) => {
  await page.goto("/environments/sandbox/provisioning");
  for (const id of STEPS) await expect(step(page, id), `step ${id}`).toHaveAttribute("data-status", "done");
  await expect(page.getByText("Every action the app performs is allowed.")).toBeVisible();
  await expectAccessible(page);
});

test("a new environment goes from nothing to green with visible progress, and a second apply changes nothing", async ({ page }) => {
  const name = unique("fresh");
  await addEnvironment(page, name);
  await page.goto(`/environments/${name}/provisioning`);
  await expect(step(page, "3")).toHaveAttribute("data-status", "missing");
  await page.getByRole("button", { name: "Plan changes" }).click();
  await expect(page.getByRole("heading", { name: "Plan: 14 changes" })).toBeVisible();
  await expect(page.getByText(/This plan grants \d+ IAM permissions/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Apply this plan" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Applying" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Done in/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("progress-role.create")).toHaveAttribute("data-status", "done");
  for (const id of ["3", "4a", "4b", "4", "5", "5b", "5c", "6", "7", "8"]) await expect(step(page, id), `step ${id}`).toHaveAttribute("data-status", "done");

  // Idempotent: nothing to plan, and applying the empty plan makes no mutating call.
  await page.getByRole("button", { name: "Plan changes" }).click();
  await expect(page.getByRole("heading", { name: "Plan: nothing to change" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply this plan" })).toHaveCount(0);
  const plan = await (await page.request.post(`/api/environments/${name}/plan`)).json();
  const run = await page.request.post(`/api/environments/${name}/provision`, { data: { fingerprint: plan.fingerprint } });
  const events = (await run.text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(events.at(-1)).toMatchObject({ type: "done", ok: true, mutatingCalls: 0 });

  // zappa_settings.json names the role and never the client secret.
  await step(page, "6").getByRole("button", { name: "Show zappa_settings.json" }).click();
  const zappa = page.getByLabel("zappa_settings.json");
  await expect(zappa).toContainText(`"role_name": "${name}_tt_role"`);
  await expect(zappa).toContainText('"manage_roles": false');
  await expect(zappa).toContainText("TT_APP_CLIENT_SECRET_REF");
});

test("an out-of-band policy change shows as drift with a diff, and apply repairs it", async ({ page }) => {
  const name = unique("drift");
  await addEnvironment(page, name);
  await page.goto(`/environments/${name}/provisioning`);
  await planAndApply(page);
  await aws.iam().send(
    new CreatePolicyVersionCommand({
      PolicyArn: `arn:aws:iam::123456789012:policy/${name}_tt_policy`,
      SetAsDefault: true,
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }),
    }),
  );
  await page.reload();
  await expect(step(page, "4")).toHaveAttribute("data-status", "drifted");
  const diff = page.getByLabel("Drift of step 4");
  await expect(diff).toContainText("- Allow s3:* on *");
  await expect(diff).toContainText("+ Allow dynamodb:query");
  await page.getByRole("button", { name: "Plan changes" }).click();
  await expect(page.getByTestId("change-policy.update")).toContainText(`Write a new default version of ${name}_tt_policy`);
  await page.getByRole("button", { name: "Apply this plan" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Done in/ })).toBeVisible({ timeout: 60_000 });
  await expect(step(page, "4")).toHaveAttribute("data-status", "done");
});

test("a table created with a wrong index is flagged and left alone", async ({ page }) => {
  const name = unique("wrongix");
  await aws.dynamodb().send(
    new CreateTableCommand({
      TableName: `${name}_data`,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "portfolio_index", AttributeType: "S" },
        { AttributeName: "doc_index", AttributeType: "S" },
        { AttributeName: "path_index", AttributeType: "S" },
      ],
      KeySchema: [{ AttributeName: "portfolio_index", KeyType: "HASH" }, { AttributeName: "doc_index", KeyType: "RANGE" }],
      LocalSecondaryIndexes: [
        { IndexName: "path_index", KeySchema: [{ AttributeName: "portfolio_index", KeyType: "HASH" }, { AttributeName: "path_index", KeyType: "RANGE" }], Projection: { ProjectionType: "KEYS_ONLY" } },
      ],
    }),
  );
  await addEnvironment(page, name);
  await page.goto(`/environments/${name}/provisioning`);
  await expect(step(page, "3")).toHaveAttribute("data-status", "drifted");
  await expect(step(page, "3")).toContainText("local secondary index");
  await page.getByRole("button", { name: "Plan changes" }).click();
  await expect(page.getByRole("note")).toContainText(`${name}_data`);
  await expect(page.getByTestId("change-table.create:data")).toHaveCount(0);
  await page.getByRole("button", { name: "Apply this plan" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Done in/ })).toBeVisible({ timeout: 60_000 });
  await expect(step(page, "3")).toHaveAttribute("data-status", "drifted");
  const table = await aws.dynamodb().send(new DescribeTableCommand({ TableName: `${name}_data` }));
  expect(table.Table?.LocalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(["path_index"]);
});

test("two applies at once: one runs, the other is refused, nothing is created twice", async ({ page }) => {
  const name = unique("race");
  await addEnvironment(page, name);
  const plan = await (await page.request.post(`/api/environments/${name}/plan`)).json();
  const [a, b] = await Promise.all([
    page.request.post(`/api/environments/${name}/provision`, { data: { fingerprint: plan.fingerprint } }),
    page.request.post(`/api/environments/${name}/provision`, { data: { fingerprint: plan.fingerprint } }),
  ]);
  const statuses = [a.status(), b.status()].sort();
  expect(statuses[0]).toBe(200);
  expect([409, 423]).toContain(statuses[1]);
  const ok = a.status() === 200 ? a : b;
  expect((await ok.text()).trim().split("\n").map((l) => JSON.parse(l)).at(-1)).toMatchObject({ type: "done", ok: true });
  const pools = await aws.cognito().send(new ListUserPoolsCommand({ MaxResults: 60 }));
  expect(pools.UserPools?.filter((p) => p.Name === name)).toHaveLength(1);
  await expect(aws.iam().send(new GetRoleCommand({ RoleName: `${name}_tt_role` }))).resolves.toBeTruthy();
});

test("revoking sessions asks for confirmation and records the time", async ({ page }) => {
  await page.goto("/environments/sandbox/provisioning");
  await step(page, "5c").getByRole("button", { name: "Revoke sessions" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke every session of the role?" });
  await dialog.getByRole("button", { name: "Revoke sessions" }).click();
  await expect(page.getByText(/are now denied/)).toBeVisible();
  await expect(step(page, "5c")).toContainText("were revoked");
});
