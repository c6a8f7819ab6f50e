import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { e2e } from "./support/env";

/** Entities of the sandbox as an operator: create, search, edit with the blueprint form, stale save, members. */
const tag = Date.now().toString(36).slice(-5);
const json = { origin: "" };

test.describe.configure({ timeout: 120_000 });

test("teams and users: create, search by prefix, edit with the blueprint form, 409 on a stale save, members both ways", async ({ page }) => {
  json.origin = e2e.baseUrl;
  const user = await page.request.post("/api/environments/sandbox/entities", { headers: json, data: { type: "user", name: `Zed ${tag}`, email: `zed-${tag}@example.com`, handle: `zed-${tag}` } });
  expect(user.status()).toBe(201);
  const dup = await page.request.post("/api/environments/sandbox/entities", { headers: json, data: { type: "user", name: "Other", email: `ZED-${tag}@example.com` } });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).error.fieldErrors).toHaveProperty("email");
  const userId = ((await user.json()) as { id: string }).id;

  await page.goto("/environments/sandbox/entities?type=team");
  await page.getByRole("button", { name: "New team" }).click();
  const dialog = page.getByRole("dialog", { name: "New team in sandbox" });
  await dialog.getByLabel("Name", { exact: true }).fill(`Crew ${tag}`);
  await dialog.getByLabel("Handle", { exact: true }).fill(`crew-${tag}`);
  await dialog.getByRole("button", { name: "Create" }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill(`crew ${tag}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=crew`));
  await expectAccessible(page);
  await page.getByRole("link", { name: `Crew ${tag}` }).click();

  await page.getByLabel("Find a user by email").fill(`zed-${tag}`);
  await page.getByRole("combobox", { name: "User", exact: true }).selectOption({ label: `Zed ${tag} (zed-${tag}@example.com)` });
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Add member" }).click();
  const members = page.getByRole("region", { name: "Members" });
  await expect(members.getByRole("link", { name: `Zed ${tag}` })).toBeVisible();
  await expect(members).toContainText("admin");
  await expectAccessible(page);

  // The user's page lists the team; its blueprint form edits the name, and a stale save is refused.
  await members.getByRole("link", { name: `Zed ${tag}` }).click();
  await expect(page.getByRole("region", { name: "Teams and roles" })).toContainText(`Crew ${tag}`);
  const stale = await page.request.patch(`/api/environments/sandbox/entities/user/${userId}`, { headers: json, data: { version: 1, name: `Zed ${tag} (renamed elsewhere)` } });
  expect(stale.status()).toBe(200);
  await page.getByLabel("Name", { exact: true }).fill(`Zed ${tag} II`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/Someone else changed this entity/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: `Zed ${tag} (renamed elsewhere)` })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(`Zed ${tag} II`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. This is now version 3.")).toBeVisible();
  await expectAccessible(page);
});

test("a portfolio's page leads to the documents kept under its id", async ({ page }) => {
  json.origin = e2e.baseUrl;
  const made = await page.request.post("/api/environments/sandbox/entities", { headers: json, data: { type: "portfolio", name: `Folio ${tag}` } });
  expect(made.status()).toBe(201);
  const id = ((await made.json()) as { id: string }).id;
  await page.goto(`/environments/sandbox/entities/portfolio/${id}`);
  const docs = page.getByRole("region", { name: "Documents" });
  const first = docs.getByRole("link").first();
  await expect(first).toHaveAttribute("href", new RegExp(`^/environments/sandbox/portfolios/${id}/docs/[^/]+$`));
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/portfolios/${id}/docs/`));
  await expect(page.getByText(`portfolio ${id}`).first()).toBeVisible();
});


test("the sandbox's example people and teams are there from the first start", async ({ page }) => {
  await page.goto("/environments/sandbox/entities?type=team&q=data%20team");
  await page.getByRole("link", { name: "Data team", exact: true }).click();
  const members = page.getByRole("region", { name: "Members" });
  for (const [name, role] of [["Ana Alves", "owner"], ["Ben Brooks", "admin"], ["Chen Chao", "member"]] as const) {
    await expect(members.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(members.getByText(`${name.split(" ")[0]?.toLowerCase() ?? ""}@example.com · ${role}`)).toBeVisible();
  }
  await members.getByRole("link", { name: "Ana Alves", exact: true }).click();
  const groups = page.getByRole("region", { name: "Teams and roles" });
  for (const group of ["Data team", "Field team", "Example Co", "Places guide"]) await expect(groups).toContainText(group);
  await expectAccessible(page);
});
