import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";

/** The form renderer on its preview page: seed blueprints verbatim, a kitchen sink, and HTML/script payloads. */

async function openPreview(page: Page, tab?: RegExp) {
  await page.goto("/forms/preview");
  await expect(page.getByRole("heading", { name: "Form preview" })).toBeVisible();
  if (tab) await page.getByRole("tab", { name: tab }).click();
  return page.getByRole("tabpanel");
}

async function fieldOrder(page: Page): Promise<string[]> {
  return page.getByRole("tabpanel").locator("[data-field]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-field") ?? ""));
}

test("the entities blueprint renders its fields in order, layers 1 and 2 in closed sections", async ({ page }) => {
  const panel = await openPreview(page);
  const details = panel.getByRole("button", { name: /^Details/ });
  const system = panel.getByRole("button", { name: /^System/ });
  await expect(details).toHaveAttribute("aria-expanded", "false");
  await expect(system).toHaveAttribute("aria-expanded", "false");
  expect(await fieldOrder(page)).toEqual(["name", "about"]);

  await details.click();
  await system.click();
  await expect(system).toHaveAttribute("aria-expanded", "true");
  expect(await fieldOrder(page)).toEqual([
    "name", "about", "handle", "location", "email", "slot_a", "slot_b", "slot_c", "slot_d", "slot_e",
    "owner_id", "added", "is_active", "type", "last_ip", "last_login", "modified", "raw_id", "language", "irn",
  ]);
  // The seed's boolean defaults on string fields arrive as text, and the editor is told so.
  await expect(panel.getByLabel("Is Active", { exact: true })).toHaveValue("true");
  await expect(panel.getByLabel("Entity Type", { exact: true })).toHaveValue("false");
  await expect(panel.getByRole("region", { name: "Blueprint warnings" })).toContainText('Default true coerced to "true"');
  await expect(panel.getByLabel("Name", { exact: true })).toHaveAttribute("aria-describedby", /hint/);
  await expect(panel.getByRole("link", { name: "https://schema.org/name" })).toHaveAttribute("href", "https://schema.org/name");
  await expectAccessible(page);
});

test("a required error in a closed section opens it and focuses the field", async ({ page }) => {
  const panel = await openPreview(page);
  await panel.getByLabel("Name", { exact: true }).fill("Acme");
  await panel.getByRole("button", { name: "Validate" }).click();

  await expect(panel.getByRole("button", { name: /^System/ })).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByRole("button", { name: /^Details/ })).toHaveAttribute("aria-expanded", "false");
  const email = panel.getByLabel("Email", { exact: true });
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(panel.getByRole("alert")).toHaveText("2 fields need attention.");

  await email.fill("owner@example.org");
  await panel.getByLabel("Owner ID", { exact: true }).fill("u-1");
  await panel.getByRole("button", { name: "Validate" }).click();
  const submitted = JSON.parse((await panel.getByTestId("submitted-values").textContent()) ?? "{}");
  expect(submitted).toEqual({ name: "Acme", email: "owner@example.org", owner_id: "u-1", is_active: "true", type: "false" });
});

test("script and HTML in labels, hints, options and semantics render as text", async ({ page }) => {
  const panel = await openPreview(page, /^Payloads/);
  await expect(panel.getByText('Label <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>', { exact: true })).toBeVisible();
  await expect(panel.getByText('Hint <img src=x onerror="window.__xss=1">', { exact: false })).toBeVisible();
  await expect(panel.getByLabel("Options", { exact: true }).locator("option", { hasText: "Option <img" })).toHaveCount(1);
  await expect(panel.getByText("javascript:window.__xss=3")).toBeVisible();
  await expect(panel.locator('a[href^="javascript"]')).toHaveCount(0);
  await panel.getByRole("button", { name: /^Details/ }).click();
  await expect(panel.getByText("<iframe src=javascript:window.__xss=4>")).toBeVisible();
  await expect(panel.locator("img, script, iframe")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});

test("the kitchen sink: lists by keyboard, languages, JSON errors, geo and a searchable source", async ({ page }) => {
  const panel = await openPreview(page, /^Kitchen sink/);
  await panel.getByLabel("Title", { exact: true }).fill("Sink");
  await panel.getByLabel("Colour", { exact: true }).selectOption("green");
  await panel.getByRole("checkbox", { name: "Blue" }).check();

  // Tags: default ["alpha", "beta"]; move beta up and add a third value, keyboard only.
  await panel.getByRole("button", { name: "Move Tags, value 2 of 2 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("textbox", { name: "Tags, value 1 of 2" })).toHaveValue("beta");
  await expect(panel.getByRole("button", { name: "Move Tags, value 1 of 2 down" })).toBeFocused();
  await panel.getByRole("button", { name: "Add a value to Tags" }).press("Enter");
  await expect(panel.getByRole("textbox", { name: "Tags, value 3 of 3" })).toBeFocused();
  await page.keyboard.type("gamma");

  await panel.getByRole("textbox", { name: "Summary (fr)" }).fill("Résumé");
  await expect(panel.getByText("1 of 3 languages filled")).toBeVisible();

  await panel.getByRole("button", { name: /^Details/ }).click();
  await panel.getByLabel("Settings", { exact: true }).fill('{\n  "a": 1,\n  oops\n}');
  await expect(panel.getByText("Invalid JSON at line 3, column 3")).toBeVisible();
  await panel.getByLabel("Settings", { exact: true }).fill('{"a": 1}');
  await panel.getByRole("textbox", { name: "Latitude" }).fill("48.85");
  await panel.getByRole("textbox", { name: "Longitude" }).fill("2.35");

  // A stored value shows by its label before any option list was opened.
  const job = panel.getByRole("combobox", { name: "Job" });
  await expect(job).toHaveValue("Hourly job 42");
  await job.click();
  await job.press("ControlOrMeta+a");
  await job.pressSequentially("weekly job 7");
  await page.getByRole("option", { name: "Weekly job 7" }).click();
  await expect(job).toHaveValue("Weekly job 7");

  await panel.getByRole("button", { name: /^System/ }).click();
  await panel.getByLabel("Audit note", { exact: true }).fill("checked");
  await panel.getByRole("button", { name: "Validate" }).click();
  const submitted = JSON.parse((await panel.getByTestId("submitted-values").textContent()) ?? "{}");
  expect(submitted).toMatchObject({
    title: "Sink", colour: "green", palette: ["blue"], tags: ["beta", "alpha", "gamma"], summary: { fr: "Résumé" },
    count: 3, active: true, notify: false, settings: { a: 1 }, place: { lat: 48.85, lon: 2.35 }, job: "job-007", audit_note: "checked",
  });
  await expectAccessible(page);

  // At 360 px the form still fits: nothing in it scrolls sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await panel.locator("form").evaluate((form) => form.scrollWidth - form.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the preview's tabs work with the keyboard alone (arrows, Home, End) and label their panel", async ({ page }) => {
  await openPreview(page);
  const tabs = page.getByRole("tab");
  const count = await tabs.count();
  await tabs.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(tabs.first()).toHaveAttribute("tabindex", "-1");
  await expect(page.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", (await tabs.nth(1).getAttribute("id")) ?? "missing");
  await page.keyboard.press("End");
  await expect(tabs.nth(count - 1)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await expect(tabs.nth(count - 1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(tabs.first()).toBeFocused();
  await expect(page.getByRole("tabpanel").locator("[data-field]").first()).toBeVisible();
});
