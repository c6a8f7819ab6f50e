import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36).slice(-6)}`;

async function openNewForm(page: Page) {
  await page.goto("/environments/new");
  await expect(page.getByRole("heading", { name: "Add environment" })).toBeVisible();
}

test("the environments list shows the pre-registered sandbox and is accessible", async ({ page }) => {
  await page.goto("/environments");
  const row = page.getByRole("row", { name: /sandbox/ });
  await expect(row).toContainText("us-east-1");
  await expect(row).toContainText("123456789012");
  await expectAccessible(page);
});

test("test connection shows the account id and caller ARN", async ({ page }) => {
  await page.goto("/environments/sandbox");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-account")).toHaveText("123456789012");
  await expect(page.getByTestId("connection-arn")).toContainText("arn:aws:");
  await expectAccessible(page);
});

test("bad input gets clear errors next to the field, and nothing is written", async ({ page }) => {
  await openNewForm(page);
  await page.getByLabel("Region").fill("");
  await page.getByRole("button", { name: "Add environment" }).click();
  await expect(page.getByText("Name is required.")).toBeVisible();
  await expect(page.getByText("Region is required.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name").fill("Bad_Name");
  await page.getByLabel("Region").fill("us-east-1");
  await page.getByRole("button", { name: "Add environment" }).click();
  // Said once: the rule replaces the hint instead of repeating it.
  await expect(page.getByText(/lowercase letter, then lowercase letters, digits or hyphens/)).toHaveCount(1);

  await page.getByLabel("Name").fill("sandbox");
  await page.getByRole("button", { name: "Add environment" }).click();
  // Said once, next to the field (no second copy in a banner).
  await expect(page.getByText("An environment named sandbox already exists.")).toHaveCount(1);
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name").fill(unique("keys"));
  await page.getByLabel("Credentials source").selectOption("keys");
  await page.getByLabel("Access key id").fill("not-a-key");
  await page.getByRole("button", { name: "Add environment" }).click();
  await expect(page.getByText(/starts with AKIA or ASIA/)).toBeVisible();
  await expect(page.getByText("The secret access key is required.")).toBeVisible();
  await expectAccessible(page);

  // The server validates with the same schema when the browser is bypassed.
  const res = await page.request.post("/api/environments", { data: { name: "x", region: "mars", credentials: { type: "nope" } } });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["credentials.type", "name", "region"]);
});

test("an operator adds, tests, edits and removes an environment", async ({ page }) => {
  const name = unique("acme");
  await openNewForm(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Region").fill("eu-west-1");
  await page.getByLabel("Credentials source").selectOption("keys");
  await page.getByLabel("Access key id").fill("AKIAIOSFODNN7EXAMPLE");
  await page.getByLabel("Secret access key").fill("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  await page.getByLabel("SES sender address").fill("no-reply@acme.example");
  await page.getByRole("button", { name: "Add environment" }).click();
  // Adding leads to the environment's checklist, then its settings are one link away.
  await page.waitForURL(`**/environments/${name}/provisioning?created=1`);
  await expect(page.getByText(`Environment ${name} was added.`)).toBeVisible();
  await page.getByRole("link", { name: "Environment settings" }).click();
  await expect(page.getByText("Access key …MPLE").first()).toBeVisible();

  // The secret never comes back from the API.
  const view = await (await page.request.get(`/api/environments/${name}`)).text();
  expect(view).not.toContain("wJalrXUtnFEMI");
  expect(view).not.toContain("AKIAIOSFODNN7EXAMPLE");

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-account")).toHaveText("123456789012");

  await page.getByLabel("Description").fill("Acme's production");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. This is now version 2.")).toBeVisible();

  await page.getByLabel("AWS endpoint override").fill("http://127.0.0.1:9");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. This is now version 3.")).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Connection failed" })).toContainText("Could not reach the endpoint.");

  await page.getByRole("button", { name: "Remove" }).click();
  const dialog = page.getByRole("dialog", { name: `Remove ${name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Remove environment" }).click();
  await page.waitForURL("**/environments");
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  expect((await page.request.get(`/api/environments/${name}`)).status()).toBe(404);
});

test("a stale edit answers 409 instead of overwriting", async ({ page }) => {
  const name = unique("stale");
  const created = await page.request.post("/api/environments", { data: { name, region: "us-east-1", credentials: { type: "default" } } });
  expect(created.status()).toBe(201);
  await page.goto(`/environments/${name}`);
  await expect(page.getByLabel("Description")).toBeVisible();

  // Someone else saves first.
  const other = await page.request.patch(`/api/environments/${name}`, {
    data: { region: "us-east-1", credentials: { type: "unchanged" }, description: "theirs", version: 1 },
  });
  expect(other.status()).toBe(200);

  await page.getByLabel("Description").fill("mine");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "was changed by someone else" })).toBeVisible();
  const current = await (await page.request.get(`/api/environments/${name}`)).json();
  expect(current).toMatchObject({ description: "theirs", version: 2 });
});

test("the audit log records who did what, with filters", async ({ page }) => {
  const name = unique("audited");
  await page.request.post("/api/environments", { data: { name, region: "us-east-1", credentials: { type: "default" } } });
  await page.request.post("/api/environments", { data: { name, region: "us-east-1", credentials: { type: "default" } } });
  await page.request.delete(`/api/environments/${name}`);

  await page.goto("/audit");
  await page.getByLabel("Environment").fill(name);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`environment=${name}`));
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("environment.delete");
  await expect(rows.nth(2)).toContainText("failure (conflict)");
  await expect(rows.nth(3)).toContainText("environment.create");
  await expect(rows.nth(3)).toContainText("success");
  await expect(rows.nth(3)).toContainText("operator@e2e.tanktower.local");
  await expectAccessible(page);

  await page.getByLabel("Outcome").selectOption("failure");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
});
