import { CreatePolicyVersionCommand } from "@aws-sdk/client-iam";
import { expect, test, type Page } from "@playwright/test";
import { aws } from "./support/aws";
import { expectAccessible, expectAccessibleInBothThemes, setSystemTheme } from "./support/axe";
import { expectNoHorizontalOverflow } from "./support/overflow";
import { CONSOLE_PAGES, openConsolePage } from "./support/pages";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36).slice(-5)}`;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function provisionViaApi(page: Page, name: string) {
  const plan = await (await page.request.post(`/api/environments/${name}/plan`)).json();
  const run = await page.request.post(`/api/environments/${name}/provision`, { data: { fingerprint: plan.fingerprint } });
  expect((await run.text()).trim().split("\n").map((l) => JSON.parse(l)).at(-1)).toMatchObject({ type: "done", ok: true });
}

for (const [label, viewport] of [["1280 px", DESKTOP], ["390 px", PHONE]] as const) {
  test(`every page fits ${label} without sideways scrolling and passes axe in light and dark`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    for (const p of CONSOLE_PAGES) {
      await openConsolePage(page, p);
      await expectNoHorizontalOverflow(page, `${p.path} at ${label}`);
      await expectAccessibleInBothThemes(page, `${p.path} at ${label}`);
    }
  });
}

test("the sign-in page fits a phone and passes axe in both themes", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: PHONE });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to TankTower Console" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expectNoHorizontalOverflow(page, "/sign-in");
  await expectAccessibleInBothThemes(page, "/sign-in");
  await context.close();
});

test("on a phone the navigation is a menu, and every entry is reachable", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/environments");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await page.getByRole("button", { name: "Open navigation" }).click();
  const sheet = page.getByRole("dialog", { name: "Navigation" });
  await expect(sheet.getByRole("link", { name: "Environments" })).toHaveAttribute("aria-current", "page");
  await expect(sheet.getByText("Blueprints")).toBeVisible();
  await expect(sheet.getByText("Jobs")).toBeVisible();
  await sheet.getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(sheet).toBeHidden();
});

test("a new environment reaches green through the steps-need-you panel alone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  const name = unique("green");
  // Registered bare: console default credentials, no SES sender.
  expect((await page.request.post("/api/environments", { data: { name, region: "us-east-1", credentials: { type: "default" } } })).status()).toBe(201);
  await page.goto(`/environments/${name}/provisioning`);
  const panel = page.getByTestId("next-steps");
  await expect(panel.getByRole("heading", { name: /steps? need(s)? you/ })).toBeVisible();

  await panel.getByRole("button", { name: "Create the installer" }).click();
  await expect(panel.getByTestId("revealed-secret")).toHaveText(/.{20,}/);
  await panel.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("step-1")).toHaveAttribute("data-status", "done");

  await panel.getByLabel("SES sender address").fill(`no-reply@${name}.example`);
  await panel.getByRole("button", { name: "Save sender" }).click();
  await expect(page.getByTestId("step-7")).toHaveAttribute("data-status", "missing");

  await panel.getByRole("button", { name: "Review the plan" }).click();
  await expect(page.getByRole("heading", { name: /^Plan: \d+ changes/ })).toBeVisible();
  await expectNoHorizontalOverflow(page, "plan at 390 px");
  await page.getByRole("button", { name: "Apply this plan" }).click();
  const dialog = page.getByRole("dialog", { name: /^Apply \d+ changes to/ });
  await expect(dialog.getByTestId("confirm-grants")).toContainText("dynamodb:");
  await dialog.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Done in/ })).toBeVisible({ timeout: 60_000 });
  for (const id of ["1", "2", "3", "4a", "4b", "4", "5", "5b", "5c", "6", "7", "8", "9"]) {
    await expect(page.getByTestId(`step-${id}`), `step ${id}`).toHaveAttribute("data-status", "done");
  }
  await expect(page.getByText(`${name} is green`)).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(`/environments/${name}$`));
  await expectNoHorizontalOverflow(page, "green checklist at 390 px");
});

test("the environments list shows health, and a drifted environment stands out", async ({ page }) => {
  const name = unique("drifty");
  expect((await page.request.post("/api/environments", { data: { name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` } })).status()).toBe(201);
  await provisionViaApi(page, name);
  await aws.iam().send(
    new CreatePolicyVersionCommand({
      PolicyArn: `arn:aws:iam::123456789012:policy/${name}_tt_policy`,
      SetAsDefault: true,
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }),
    }),
  );
  await page.goto("/environments");
  await page.getByRole("button", { name: "Refresh status" }).click();
  const row = page.getByTestId(`env-${name}`);
  await expect(row.locator("[data-health]")).toHaveAttribute("data-health", "drifted");
  await expect(row).toContainText("Drifted");
  await expect(page.getByRole("status").filter({ hasText: /drifted from the setup document/ })).toBeVisible();
  await expect(page.getByTestId("env-sandbox").locator("[data-health]")).toHaveAttribute("data-health", "green");
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId(`env-card-${name}`).locator("[data-health]")).toHaveAttribute("data-health", "drifted");
});

test("the theme follows the system, and a chosen theme survives a reload", async ({ page }) => {
  await page.goto("/environments");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await setSystemTheme(page, "light");
  const light = await background();
  await setSystemTheme(page, "dark");
  expect(await background()).not.toBe(light);
  await setSystemTheme(page, "light");
  expect(await background()).toBe(light);

  await page.getByRole("button", { name: /^Theme:/ }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Theme: dark" })).toBeVisible();
  await expectAccessible(page, "chosen dark theme");

  await page.getByRole("button", { name: /^Theme:/ }).click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
});

test("the command palette opens with the keyboard and navigates", async ({ page }) => {
  await page.goto("/environments");
  // The list is rendered by the client: the page is hydrated and listens for the shortcut.
  await expect(page.getByRole("link", { name: "sandbox", exact: true })).toBeVisible();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Go to" });
  await expect(palette).toBeVisible();
  await page.keyboard.type("sandbox checklist");
  await expect(palette.getByRole("option", { name: /sandbox checklist/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/environments\/sandbox\/provisioning$/);
  await expect(palette).toBeHidden();

  await page.keyboard.press("Control+k");
  await page.keyboard.type("plan changes for sandbox");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/environments\/sandbox\/provisioning\?plan=1$/);
  await expect(page.getByRole("heading", { name: "Plan: nothing to change" })).toBeVisible();

  await page.keyboard.press("Control+k");
  await page.keyboard.type("add environment");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/environments\/new$/);
  await page.keyboard.press("Control+k");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Go to" })).toBeHidden();
});

test("an unknown or invalid environment answers 404 inside the console, with a way back", async ({ page }) => {
  for (const path of ["/environments/no-such-env", "/environments/no-such-env/provisioning", "/environments/Bad_Name"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Environment not found" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Plan changes" })).toHaveCount(0);
    await expect(page.getByText(/Use 3–24/)).toHaveCount(0);
  }
  await expect(page.getByRole("link", { name: "TankTower Console, home" })).toBeVisible();
  await page.getByRole("link", { name: "Back to environments" }).click();
  await expect(page).toHaveURL(/\/environments$/);
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);
  expect((await page.request.get("/icon.svg")).status()).toBe(200);
});

test("an audit record opens in a drawer with every field, and its address reopens it", async ({ page }) => {
  const name = unique("drawer");
  await page.request.post("/api/environments", { data: { name, region: "us-east-1", credentials: { type: "default" } } });
  await page.goto(`/audit?environment=${name}`);
  await page.getByRole("row").nth(1).getByRole("link").click();
  const drawer = page.getByRole("dialog", { name: "Audit record" });
  const record = drawer.getByTestId("audit-record");
  for (const field of ["Outcome", "Action", "Time", "Actor", "Environment", "Target", "Error code", "Request id", "Record id"]) {
    await expect(record.getByText(field, { exact: true })).toBeVisible();
  }
  await expect(record).toContainText("environment.create");
  await expect(page).toHaveURL(/record=[0-9a-f-]{36}/);
  await expectAccessible(page, "audit drawer");
  await page.setViewportSize(PHONE);
  await expectNoHorizontalOverflow(page, "audit drawer at 390 px");

  // The address alone opens the same record (a fresh page, the record fetched by id).
  const url = page.url().replace(/environment=[^&]+&?/, "");
  await page.goto(url);
  await expect(page.getByRole("dialog", { name: "Audit record" }).getByTestId("audit-record")).toContainText(name);
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/record=/);
});
