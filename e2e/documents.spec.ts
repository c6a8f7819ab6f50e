import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { expect, test, type Page } from "@playwright/test";
import { aws } from "./support/aws";
import { expectAccessible } from "./support/axe";

const DOCS = "/environments/sandbox/portfolios/sys/docs";
const API = "/api/environments/sandbox/portfolios/sys/docs";
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36).slice(-6)}`;

type Doc = { id: string; revision: number; values: Record<string, unknown> };

async function createJobByApi(page: Page, name: string): Promise<Doc> {
  const res = await page.request.post(`${API}/schd_jobs`, { data: { values: { name, status: "available", handler: "jobs.e2e", type: "control" } } });
  expect(res.status()).toBe(201);
  return (await res.json()) as Doc;
}

test("a schd_jobs document, then a schd_runs document whose job is chosen from it; the form is accessible", async ({ page }) => {
  const jobName = unique("Nightly export");
  await page.goto(`${DOCS}/schd_jobs/new`);
  await expect(page.getByRole("heading", { name: "New Job Types document" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(jobName);
  await page.getByLabel("Status").selectOption("available");
  await page.getByLabel("Handler").fill("jobs.export");
  await page.getByLabel("Type", { exact: true }).selectOption("data_acquisition");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByText("The document was created.")).toBeVisible();
  const jobId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
  expect(jobId).toMatch(/^[0-9a-f-]{36}$/);

  await page.goto(`${DOCS}/schd_runs/new`);
  await expect(page.getByRole("heading", { name: "New Job Runs document" })).toBeVisible();
  await expectAccessible(page);
  const job = page.getByRole("combobox", { name: "Job Type" });
  await job.click();
  await job.fill(jobName.split(" ").at(-1) ?? jobName);
  await page.getByRole("option", { name: jobName }).click();
  await expect(job).toHaveValue(jobName);
  await page.getByLabel("Status").selectOption("new");
  await page.getByLabel("Trigger", { exact: true }).selectOption("manual");
  await page.getByLabel("Triggered by").fill("operator@e2e.test");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByText("The document was created.")).toBeVisible();
  const runId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
  // The stored run names the job by its id, as the source schd_jobs:_id:name says.
  const stored = await aws.dynamodb().send(
    new GetItemCommand({ TableName: "sandbox_data", Key: { portfolio_index: { S: "sys" }, doc_index: { S: `schd_runs#${runId}` } } }),
  );
  expect(stored.Item?.schd_jobs_id?.S).toBe(jobId);
  // Reloaded, the select shows the job's name, not its id.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Job Type" })).toHaveValue(jobName);
  await expectAccessible(page);
});

test("a stale save answers 409 and shows the stored version beside mine", async ({ page }) => {
  const doc = await createJobByApi(page, unique("Stale"));
  await page.goto(`${DOCS}/schd_jobs/${doc.id}`);
  const description = page.getByLabel("Description");
  await expect(description).toBeVisible();
  // Someone else saves first.
  const theirs = await page.request.put(`${API}/schd_jobs/${doc.id}`, { data: { values: { ...doc.values, description: "their words" }, revision: 1 } });
  expect(theirs.status()).toBe(200);

  await description.fill("my words");
  await page.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.getByRole("region", { name: "Someone else saved this document first" });
  await expect(page.getByRole("alert").filter({ hasText: "Your changes are not saved yet" })).toBeVisible();
  await expect(conflict).toBeVisible();
  const row = conflict.getByRole("row", { name: /Description/ });
  await expect(row).toContainText("their words");
  await expect(row).toContainText("my words");
  await expectAccessible(page);

  await conflict.getByRole("button", { name: "Keep their version" }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByLabel("Description")).toHaveValue("their words");
  const res = await page.request.get(`${API}/schd_jobs/${doc.id}`);
  expect(((await res.json()) as Doc).values.description).toBe("their words");
});

test("delete asks for confirmation first", async ({ page }) => {
  const doc = await createJobByApi(page, unique("Doomed"));
  await page.goto(`${DOCS}/schd_jobs/${doc.id}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this document?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await page.request.get(`${API}/schd_jobs/${doc.id}`)).status()).toBe(200);

  await page.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete document" }).click();
  await expect(page).toHaveURL(new RegExp(`${DOCS}/schd_jobs$`));
  expect((await page.request.get(`${API}/schd_jobs/${doc.id}`)).status()).toBe(404);
});

test("the list pages newest first, filters by text and browses example places by folder and near a point", async ({ page }) => {
  const blueprint = await page.request.get("/api/environments/sandbox/document-blueprints/places");
  expect(((await blueprint.json()) as { languages: string[] }).languages).toEqual(["en", "fr"]);
  await page.goto(`${DOCS}/places`);
  await expect(page.getByRole("heading", { name: "Places documents" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Eiffel Tower/ })).toBeVisible();
  await page.getByLabel("Contains text").fill("louvre");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: /Louvre Museum/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Eiffel Tower/ })).toBeHidden();

  await page.getByRole("link", { name: "Folders" }).click();
  await page.getByRole("button", { name: "europe" }).click();
  await page.getByRole("button", { name: "france" }).click();
  await expect(page.getByRole("button", { name: "paris" })).toBeVisible();

  await page.getByRole("link", { name: "Near a point" }).click();
  await page.getByLabel("Point (latitude, longitude)").fill("48.8584,2.2945");
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("Eiffel Tower");
  await expect(page.getByRole("link", { name: /Kew Gardens/ })).toBeHidden();
  await expectAccessible(page);
});

test("an example place (every widget, two languages) edits at 360 px without sideways scrolling, accessibly", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${DOCS}/places/0a5e1f00-0000-4000-8000-000000000001`);
  await expect(page.getByRole("heading", { name: "Places document" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  // The page's own content (the shell's header is the shell's business) fits the width.
  const overflow = () => page.evaluate(() => {
    const main = document.querySelector("main");
    return main ? main.scrollWidth - main.clientWidth : -1;
  });
  expect(await overflow()).toBe(0);
  await expectAccessible(page);
  await page.goto(`${DOCS}/places`);
  await expect(page.getByRole("link", { name: /Eiffel Tower/ })).toBeVisible();
  expect(await overflow()).toBe(0);
  await expectAccessible(page);
});
