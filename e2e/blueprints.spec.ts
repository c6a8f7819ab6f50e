import { readFileSync } from "node:fs";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { aws } from "./support/aws";
import { expectAccessible } from "./support/axe";

/**
 * The blueprint editor in the sandbox: each test designs its own blueprint
 * (a unique name), through the API for the setup and the UI for what is
 * under test; an independent AWS client writes documents and checks the table.
 */
const ENV = "sandbox";
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36).slice(-6)}`;
const irnOf = (name: string) => `irn:blueprint:e2e:${name}`;
const api = (path = "") => `/api/environments/${ENV}/blueprints${path}`;
const versionApi = (name: string, version: string) => api(`/${encodeURIComponent(irnOf(name))}/versions/${version}`);

function field(name: string, order: number, extra: Record<string, unknown> = {}) {
  return { cardinality: "single", default: "", hint: "", label: name.toUpperCase(), layer: "0", multilingual: false, name, order: String(order), required: false, semantic: "", source: "", type: "string", widget: "text", ...extra };
}

async function createDraft(request: APIRequestContext, name: string, fields: Record<string, unknown>[]) {
  const res = await request.post(api(), {
    data: { document: { irn: irnOf(name), version: "0.0.1", name, label: `Label ${name}`, handle: "e2e", status: "draft", fields }, verbatim: false },
  });
  expect(res.status(), await res.text()).toBe(201);
}

async function fieldOrder(request: APIRequestContext, name: string, version: string): Promise<string[]> {
  const res = await request.get(versionApi(name, version));
  const body = (await res.json()) as { document: { fields: { name: string; order: string }[] } };
  return body.document.fields.map((f) => `${f.name}:${f.order}`);
}

async function rowNames(page: Page): Promise<string[]> {
  return page.getByRole("grid", { name: "Fields, in form order" }).getByRole("row").evaluateAll((rows) => rows.flatMap((r) => r.querySelector("[data-field-name]")?.textContent ?? []));
}

test("edit a blueprint, publish it, then see the diff and the impact on documents", async ({ page, request }) => {
  const name = unique("tickets");
  await createDraft(request, name, [field("title", 1, { required: true }), field("note", 2)]);
  const published = await request.post(`${versionApi(name, "0.0.1")}/publish`, { data: { revision: 1 } });
  expect(published.status()).toBe(200);
  const documents = DynamoDBDocumentClient.from(aws.dynamodb());
  for (const [id, values] of [["t1", { title: "A", note: "has a note" }], ["t2", { title: "B" }]] as const) {
    await documents.send(new PutCommand({ TableName: `${ENV}_data`, Item: { portfolio_index: "sys", doc_index: `${name}#${id}`, time_index: `${name}#2026-01-01T00:00:00Z#${id}`, _id: id, ...values } }));
  }

  await page.goto(`/environments/${ENV}/blueprints`);
  await page.getByRole("link", { name: `Label ${name}` }).click();
  await expect(page.getByRole("heading", { name: `Label ${name}` })).toBeVisible();
  await page.getByRole("button", { name: "New version…" }).click();
  await page.getByRole("radio", { name: /minor/ }).check();
  await page.getByRole("button", { name: "Start new version" }).click();

  await expect(page.getByRole("heading", { name: "Edit draft 0.1.0" })).toBeVisible();
  await page.getByRole("row", { name: /note/ }).click();
  await page.getByRole("checkbox", { name: "Required" }).check();
  await page.getByLabel("Hint").fill("Why the ticket exists");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/^Saved at/)).toBeVisible();

  await page.getByRole("link", { name: new RegExp(`${name} 0\\.1\\.0`) }).click();
  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("final", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "New version…" })).toBeVisible();

  await page.getByRole("tab", { name: "Changes and impact" }).click();
  const changes = page.getByRole("list", { name: "Changes from 0.0.1 to 0.1.0" });
  await expect(changes).toContainText("note is now required");
  await expect(changes).toContainText("note: hint changed");
  await expect(page.getByText("1 of 2 documents would fail validation with 0.1.0")).toBeVisible();
  await expect(page.getByRole("list", { name: "Failures by field" })).toContainText("because note is now required");
  await expectAccessible(page);
});

test("a malformed import gives line and column; a well-formed one is stored verbatim", async ({ page, request }) => {
  await page.goto(`/environments/${ENV}/blueprints/new`);
  const paste = page.getByLabel("Or paste the JSON");
  await paste.fill('{\n "irn": "irn:blueprint:e2e:broken",\n "fields": [\n  {"name": "a",}\n ]\n}');
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/Line 4, column 16: Expected another property after the comma \(trailing commas are not allowed\)/)).toBeVisible();
  await expect(paste).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  const name = unique("people");
  const text = readFileSync("blueprints/sys-entities.json", "utf8").replace("irn:blueprint:sys:entities", irnOf(name)).replace('"name": "entities"', `"name": "${name}"`);
  await paste.fill(text);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Entities" })).toBeVisible();
  await expect(page.getByText(/order 21 is shared by “raw_id”, “language”; kept as imported/)).toBeVisible();
  const exported = await request.get(`${versionApi(name, "0.0.1")}/export`);
  expect(await exported.text()).toBe(text);
  await page.getByRole("tab", { name: "JSON" }).click();
  await expect(page.getByLabel("Blueprint JSON")).toHaveText(text);
});

test("fields reorder with the keyboard alone, and the new order is saved", async ({ page, request }) => {
  const name = unique("ordered");
  await createDraft(request, name, [field("alpha", 1), field("beta", 2), field("gamma", 3)]);
  await page.goto(`/environments/${ENV}/blueprints/e2e/${name}/edit?v=0.0.1`);
  await expect(page.getByRole("heading", { name: "Edit draft 0.0.1" })).toBeVisible();
  // The list loads after the page.
  await expect(page.getByRole("grid", { name: "Fields, in form order" })).toBeVisible();

  // Move buttons: Tab to "Add field", then into the list, and along the row to "Move gamma up".
  await page.getByRole("button", { name: "Add field" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("End");
  await expect(page.getByRole("row", { name: /gamma/ })).toBeFocused();
  const moveUp = page.getByRole("button", { name: "Move gamma up" });
  for (let i = 0; i < 5 && !(await moveUp.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowRight");
  await expect(moveUp).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => rowNames(page)).toEqual(["alpha", "gamma", "beta"]);

  // Drag and drop from the keyboard: Enter on alpha's handle, down past beta, Enter to drop.
  // React Aria offers the drop positions as focusable "Insert …" targets; arrows move between them.
  await page.getByRole("button", { name: "Drag alpha to reorder" }).focus();
  await page.keyboard.press("Enter");
  const afterBeta = page.getByRole("button", { name: /^Insert after beta/ });
  await expect(afterBeta).toBeAttached();
  for (let i = 0; i < 8 && !(await afterBeta.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
  await expect(afterBeta).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => rowNames(page)).toEqual(["gamma", "beta", "alpha"]);

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  expect(await fieldOrder(request, name, "0.0.1")).toEqual(["gamma:1", "beta:2", "alpha:3"]);
});

test("the editor names the field of each validation error and stays accessible on a narrow screen", async ({ page, request }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const name = unique("checked");
  await createDraft(request, name, [field("title", 1)]);
  await page.goto(`/environments/${ENV}/blueprints/e2e/${name}/edit?v=0.0.1`);
  await page.getByLabel("Widget").selectOption("select");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Field “title”: a select needs options or a source.").first()).toBeVisible();
  await page.getByRole("button", { name: "Add option" }).click();
  await expect(page.getByText("Field “title”: a select needs options or a source.")).toHaveCount(0);
  // Nothing in the page's content reaches past the right edge of a 360 px screen.
  const overflowing = await page.locator("#main *").evaluateAll((els) =>
    els.filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
  expect(overflowing).toEqual([]);
  await expectAccessible(page);
});
