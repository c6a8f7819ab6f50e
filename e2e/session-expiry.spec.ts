import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2e } from "./support/env";
import { signInViaUi } from "./support/sign-in";

// A session of its own: ending the shared one would sign every other spec out.
test.use({ storageState: { cookies: [], origins: [] } });

test("a session that ends while a form is open: sign in again over the form, keep what was typed, and the save goes through", async ({ page, baseURL }) => {
  await signInViaUi(page, e2e.operator.email, e2e.operator.password);
  await page.waitForURL("**/environments");

  await page.goto("/environments/new");
  const name = `expiry-${Date.now().toString(36).slice(-6)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description").fill("typed before the session ended");

  // The session ends server-side (as when it expires or is signed out elsewhere) and the cookie goes.
  const ended = await page.request.delete("/api/session", { headers: { origin: baseURL ?? "" } });
  expect(ended.ok()).toBe(true);

  await page.getByRole("button", { name: "Add environment" }).click();
  const dialog = page.getByRole("dialog", { name: "Your session has ended" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  // Still on the form, with what was typed.
  await expect(page).toHaveURL(/\/environments\/new$/);
  await expect(page.getByLabel("Name")).toHaveValue(name);

  await dialog.getByLabel("Email").fill(e2e.operator.email);
  await dialog.getByLabel("Password", { exact: true }).fill(e2e.operator.password);
  await dialog.getByRole("button", { name: "Sign in", exact: true }).click();

  // The save was sent again and went through, with the typed values.
  // A new environment lands on its checklist.
  await page.waitForURL(`**/environments/${name}/provisioning?created=1`);
  await expect(dialog).toBeHidden();
  const saved = await page.request.get(`/api/environments/${name}`);
  expect(saved.status()).toBe(200);
  expect(((await saved.json()) as { description: string | null }).description).toBe("typed before the session ended");
});
