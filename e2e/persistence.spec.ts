import { expect, test } from "@playwright/test";
import { e2e } from "./support/env";
import { expectSignedIn, signInViaUi } from "./support/sign-in";

async function restartEmulator() {
  const res = await fetch(`${e2e.controlUrl}/restart-emulator`, { method: "POST" });
  expect(res.status).toBe(200);
}

test("environments, users and sessions survive two emulator restarts in a row", async ({ page, browser }) => {
  const name = `survivor-${Date.now().toString(36).slice(-6)}`;
  const created = await page.request.post("/api/environments", {
    data: { name, region: "us-east-1", credentials: { type: "default" }, description: "before restart" },
  });
  expect(created.status()).toBe(201);

  await restartEmulator();
  await page.goto(`/environments/${name}`);
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  await page.getByLabel("Description").fill("after one restart");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. This is now version 2.")).toBeVisible();

  await restartEmulator();
  await page.reload();
  await expect(page.getByLabel("Description")).toHaveValue("after one restart");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-account")).toHaveText("123456789012");

  // The console's user pool came back with the same ids: a fresh sign-in works.
  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await fresh.newPage();
  await signInViaUi(other, e2e.operator.email, e2e.operator.password);
  await other.waitForURL("**/environments");
  await expectSignedIn(other, e2e.operator.email);
  await expect(other.getByRole("link", { name, exact: true })).toBeVisible();
  await fresh.close();
});
