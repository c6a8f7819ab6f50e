import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { AdminCreateUserCommand, InitiateAuthCommand, ListUserPoolClientsCommand, ListUserPoolsCommand, ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import { SESv2Client, CreateEmailIdentityCommand } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { aws } from "./support/aws";
import { expectAccessible } from "./support/axe";
import { cognito } from "./support/cognito";
import { e2e } from "./support/env";
import { expectSignedIn, signInViaUi } from "./support/sign-in";

/**
 * The whole people flow on the sandbox: an operator invites an environment
 * admin, who signs in with the emailed temporary password, sees only that
 * environment and invites TankTower users (one, then a CSV). Cognito and the
 * mailbox are checked independently of the UI.
 */
const tag = Date.now().toString(36).slice(-5);
const adminEmail = `env-admin-${tag}@e2e.tanktower.local`;
const userEmail = `tt-user-${tag}@example.com`;
const other = `other-${tag}`;

type Mail = { subject: string; to: string[]; body: string };

async function mailsTo(request: APIRequestContext, email: string): Promise<Mail[]> {
  const res = await request.get(`/api/mailbox?to=${encodeURIComponent(email)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Mail[] }).items;
}

const passwordIn = (mail: Mail | undefined) => /Temporary password: <code>([^<]+)<\/code>/.exec(mail?.body ?? "")?.[1] ?? "";

async function sandboxPool() {
  const client = cognito();
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const pool = pools.UserPools?.find((p) => p.Name === "sandbox");
  if (!pool?.Id) throw new Error("no sandbox pool");
  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: pool.Id, MaxResults: 60 }));
  return { userPoolId: pool.Id, clientId: clients.UserPoolClients?.[0]?.ClientId ?? "" };
}

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

test.describe.serial("environment admin invites TankTower users", () => {
  test.describe.configure({ timeout: 120_000 });
  let admin: Page;
  let adminPassword = "";

  test("an operator invites an environment admin; the email is in the Mailbox", async ({ page }) => {
    expect((await page.request.post("/api/environments", { data: { name: other, region: "us-east-1", credentials: { type: "default" } } })).status()).toBe(201);
    await page.goto("/environments/sandbox");
    const people = page.getByRole("region", { name: "People" });
    await people.getByLabel("Email", { exact: true }).fill(adminEmail);
    await people.getByLabel("Name (optional)", { exact: true }).fill("Ada Admin");
    await people.getByLabel("Role", { exact: true }).selectOption("admin");
    await people.getByRole("button", { name: "Send invitation" }).click();
    await expect(people.getByText(`Invitation sent to ${adminEmail}.`)).toBeVisible();
    await expect(people.getByRole("cell", { name: `Ada Admin ${adminEmail}`, exact: true })).toBeVisible();

    await page.goto("/mailbox");
    const mail = page.getByTestId("mail").filter({ hasText: adminEmail }).first();
    await expect(mail).toContainText("You are invited to TankTower Console (admin of sandbox)");
    await expectAccessible(page);
    await mail.locator("summary").click();
    await expect(mail.locator("iframe")).toHaveAttribute("sandbox", "");
    adminPassword = passwordIn((await mailsTo(page.request, adminEmail))[0]);
    expect(adminPassword).toMatch(/.{16}/);
  });

  test("the admin signs in with the temporary password, sets a new one and sees only that environment", async ({ browser }) => {
    admin = await adminPage(browser);
    await signInViaUi(admin, adminEmail, adminPassword);
    await admin.getByLabel("New password", { exact: true }).fill("Admin-Chosen-789");
    await admin.getByLabel("Confirm new password").fill("Admin-Chosen-789");
    await admin.getByRole("button", { name: "Set password and sign in" }).click();
    await admin.waitForURL("**/environments");
    await expectSignedIn(admin, adminEmail);
    const list = (await (await admin.request.get("/api/environments")).json()) as { items: { name: string; credentials: { type: string } }[] };
    expect(list.items.map((e) => e.name)).toEqual(["sandbox"]);
    expect(list.items[0]?.credentials).toEqual({ type: "hidden" });
    await admin.goto("/entities");
    await expect(admin.getByRole("link", { name: "sandbox", exact: true })).toBeVisible();
    await expect(admin.getByRole("link", { name: other, exact: true })).toHaveCount(0);
  });

  test("the admin gets 403 on provisioning, credentials and another environment", async () => {
    expect((await admin.request.get("/api/environments/sandbox/checklist")).status()).toBe(403);
    expect((await admin.request.post("/api/environments/sandbox/reveal-secret", { headers: { origin: e2e.baseUrl } })).status()).toBe(403);
    expect((await admin.request.get(`/api/environments/${other}/entities`)).status()).toBe(403);
    expect((await admin.request.get(`/api/environments/${other}`)).status()).toBe(403);
    expect((await admin.request.get("/api/console-users")).status()).toBe(403);
  });

  test("the admin invites a user: in Cognito and in the Mailbox; a duplicate is refused on the email field", async ({ page }) => {
    await admin.goto("/environments/sandbox/entities");
    await admin.getByRole("button", { name: "Invite user" }).click();
    const dialog = admin.getByRole("dialog", { name: "Invite a user to sandbox" });
    await dialog.getByLabel("Email", { exact: true }).fill(userEmail);
    await dialog.getByLabel("Name", { exact: true }).fill("Tank User");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(admin.getByText(`Invitation sent to ${userEmail}`)).toBeVisible();
    await expect(admin.getByRole("link", { name: "Tank User" })).toBeVisible();

    const { userPoolId } = await sandboxPool();
    const users = await cognito().send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: `email = "${userEmail}"` }));
    expect(users.Users?.[0]?.UserStatus).toBe("FORCE_CHANGE_PASSWORD");
    expect((await mailsTo(page.request, userEmail))[0]?.subject).toBe("You are invited to TankTower sandbox");

    await admin.getByRole("button", { name: "Invite user" }).click();
    await dialog.getByLabel("Email", { exact: true }).fill(userEmail.toUpperCase());
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog.getByText("Already a user of this environment.")).toBeVisible();
    await expect(dialog.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await admin.keyboard.press("Escape");
    await expectAccessible(admin);
  });

  test("a bulk CSV reports each bad row and invites the rest", async ({ page }) => {
    // The admin's team, which the CSV's rows join.
    const crew = `Crew ${tag}`;
    const created = await admin.request.post("/api/environments/sandbox/entities", { headers: { origin: e2e.baseUrl }, data: { type: "team", name: crew } });
    expect(created.status()).toBe(201);
    const teamId = ((await created.json()) as { id: string }).id;
    await admin.goto("/environments/sandbox/invites");
    const csv = ["email,name,team,role", `bulk1-${tag}@example.com,B1,${crew},`, "not-an-email,X,,", `bulk1-${tag}@example.com,dup,,`, `${userEmail},again,,`, `bulk2-${tag}@example.com,B2,nosuchteam,`, `bulk3-${tag}@example.com,B3,${crew},admin`].join("\n");
    await admin.getByLabel("CSV text").fill(csv);
    await admin.getByRole("button", { name: "Check rows" }).click();
    const preview = admin.getByTestId("bulk-preview");
    await expect(preview).toContainText("2 rows ready, 4 with problems.");
    for (const text of ["Not a valid email address.", "Duplicate of line 2 in this file.", "Already a user of this environment.", "There is no team named nosuchteam."]) await expect(preview.getByText(text)).toBeVisible();
    await admin.getByRole("button", { name: "Invite 2 users" }).click();
    await expect(admin.getByTestId("bulk-run")).toContainText("Run finished: 2 of 2 processed, 2 invited, 0 failed, 4 rows skipped.", { timeout: 30_000 });
    // The run's progress lives on the server: a reload shows it again.
    await admin.reload();
    await expect(admin.getByTestId("bulk-run")).toContainText("2 invited");
    // Without the run in the URL, the page still lists it among the recent runs.
    await admin.goto("/environments/sandbox/invites");
    await admin.getByRole("navigation", { name: "Recent bulk runs" }).getByRole("link", { name: new RegExp(`by ${adminEmail}`) }).first().click();
    await expect(admin.getByTestId("bulk-run")).toContainText("Run finished: 2 of 2 processed, 2 invited");
    // Every invited row: one email, one Cognito user (checked with an independent client), a member of the team.
    const { userPoolId } = await sandboxPool();
    for (const email of [`bulk1-${tag}@example.com`, `bulk3-${tag}@example.com`]) {
      expect(await mailsTo(page.request, email)).toHaveLength(1);
      const users = await cognito().send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: `email = "${email}"` }));
      expect(users.Users ?? []).toHaveLength(1);
    }
    const team = (await (await admin.request.get(`/api/environments/sandbox/entities/team/${teamId}`)).json()) as { memberships: { email?: string; role: string }[] };
    expect(team.memberships.map((m) => [m.email, m.role]).sort()).toEqual([[`bulk1-${tag}@example.com`, "member"], [`bulk3-${tag}@example.com`, "admin"]]);
  });

  test("a bulk run whose server died shows interrupted with when it was last seen, and resumes from the page", async ({ page }) => {
    // What a server killed mid-run leaves in the console's table (lib/invites/bulk-store.ts): the run still
    // "running" with a heartbeat five minutes old, and its rows pending. Reading it must not change it.
    const id = `${Date.now().toString(36).padStart(9, "0")}-${randomUUID().slice(0, 8)}`;
    const lastSeen = new Date(Date.now() - 5 * 60_000).toISOString();
    const emails = [`quiet1-${tag}@example.com`, `quiet2-${tag}@example.com`];
    const documents = DynamoDBDocumentClient.from(aws.dynamodb());
    const head = { pk: "BULK#sandbox", sk: id, kind: "bulk-run", id, status: "running", total: 2, processed: 0, invited: 0, failed: 0, problems: [], createdAt: lastSeen, createdBy: adminEmail, updatedAt: lastSeen, finishedAt: null, owner: "a-server-that-died", heartbeatAt: lastSeen };
    await documents.send(new PutCommand({ TableName: "tanktower_console", Item: head }));
    for (const [i, email] of emails.entries()) {
      const line = i + 2;
      await documents.send(new PutCommand({ TableName: "tanktower_console", Item: { pk: `BULKROW#sandbox#${id}`, sk: String(line).padStart(6, "0"), status: "pending", line, email, role: "member", inviteId: `${id.slice(0, 9)}-${randomUUID().slice(0, 8)}` } }));
    }

    await admin.goto(`/environments/sandbox/invites?run=${id}`);
    const run = admin.getByTestId("bulk-run");
    await expect(run).toContainText("Run interrupted: 0 of 2 processed");
    await expect(run).toContainText(`Its server stopped without a word: last seen ${await admin.evaluate((iso) => new Date(iso).toLocaleString(), lastSeen)}.`);
    await expectAccessible(admin);
    const stored = await documents.send(new GetCommand({ TableName: "tanktower_console", Key: { pk: "BULK#sandbox", sk: id }, ConsistentRead: true }));
    expect(stored.Item).toEqual(head);

    await run.getByRole("button", { name: "Resume the 2 rows left" }).click();
    await expect(run).toContainText("Run finished: 2 of 2 processed, 2 invited, 0 failed", { timeout: 30_000 });
    for (const email of emails) expect(await mailsTo(page.request, email)).toHaveLength(1);
  });

  test("an invite from an unverified sender fails visibly and succeeds on retry once the sender is verified", async ({ page }) => {
    type Env = { version: number; region: string; sesSender: string; accountId: string | null; description: string | null; appApiUrl: string | null; endpoint: string | null };
    const env = (await (await page.request.get("/api/environments/sandbox")).json()) as Env;
    const sender = `unverified-${tag}@sandbox.tanktower.local`;
    const patch = (sesSender: string, version: number) =>
      page.request.patch("/api/environments/sandbox", { headers: { origin: e2e.baseUrl }, data: { region: env.region, accountId: env.accountId ?? "", description: env.description ?? "", appApiUrl: env.appApiUrl ?? "", endpoint: env.endpoint ?? "", credentials: { type: "unchanged" }, sesSender, version } });
    const changed = await patch(sender, env.version);
    expect(changed.status()).toBe(200);
    try {
      const late = `late-${tag}@example.com`;
      const res = await admin.request.post("/api/environments/sandbox/invites", { headers: { origin: e2e.baseUrl }, data: { email: late } });
      expect(res.status()).toBe(201);
      await admin.goto("/environments/sandbox/invites");
      const row = admin.getByTestId(`invite-${late}`);
      await expect(row).toContainText("failed");
      await expect(row).toContainText("Failed at the email step");
      await new SESv2Client({ region: "us-east-1", endpoint: e2e.emulatorUrl, credentials: { accessKeyId: "test", secretAccessKey: "test" } }).send(new CreateEmailIdentityCommand({ EmailIdentity: sender }));
      await row.getByRole("button", { name: `Retry ${late}` }).click();
      await expect(row).toContainText("pending");
      expect(await mailsTo(page.request, late)).toHaveLength(1);
    } finally {
      const now = (await (await page.request.get("/api/environments/sandbox")).json()) as { version: number };
      expect((await patch(env.sesSender, now.version)).status()).toBe(200);
    }
  });

  test("a deactivated user cannot sign in", async ({ page }) => {
    const { clientId } = await sandboxPool();
    const password = passwordIn((await mailsTo(page.request, userEmail))[0]);
    const signIn = () => cognito().send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: userEmail, PASSWORD: password } }));
    expect((await signIn()).ChallengeName).toBe("NEW_PASSWORD_REQUIRED");
    await admin.goto("/environments/sandbox/entities?type=user&by=email&q=" + encodeURIComponent(userEmail));
    await admin.getByRole("link", { name: "Tank User" }).click();
    // The form follows the environment's own entities blueprint (provisioning wrote the setup document's version).
    await expect(admin.getByTestId("entity-blueprint-source")).toHaveText("As described by this environment's entities blueprint, version 0.0.1.");
    await admin.getByRole("button", { name: "Deactivate" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(admin.getByRole("dialog")).toHaveCount(0);
    await expect(admin.getByRole("button", { name: "Reactivate" })).toBeVisible();
    await expect(signIn()).rejects.toThrow();
  });

  test("reconciliation finds a Cognito user created out of band and fixes it", async () => {
    const { userPoolId } = await sandboxPool();
    const stray = `stray-${tag}@example.com`;
    await cognito().send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: stray, MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: stray }] }));
    await admin.goto("/environments/sandbox/invites");
    await admin.getByRole("button", { name: "Run reconciliation" }).click();
    const findings = admin.getByTestId("reconciliation");
    await expect(findings.getByRole("row").filter({ hasText: stray })).toContainText("Cognito user without an entity");
    // The pass is kept on the server: a reopened page shows it with its findings.
    await admin.reload();
    await expect(findings).toContainText(`by ${adminEmail}`);
    await expect(findings.getByRole("row").filter({ hasText: stray })).toContainText("Cognito user without an entity");
    await findings.getByRole("button", { name: `Create the entity ${stray}` }).click();
    await expect(admin.getByText(`Created the entity of ${stray}.`)).toBeVisible();
    await expect(findings.getByRole("row").filter({ hasText: stray })).toHaveCount(0);
    await expect(findings).toContainText("1 fixed");
    await expectAccessible(admin);
  });
});
