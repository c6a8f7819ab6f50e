import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { readFileSync } from "node:fs";
import { aws } from "./support/aws";
import { expectAccessible } from "./support/axe";
import { e2e } from "./support/env";
import { startSampleApp } from "../scripts/sample-app/server.mjs";

/**
 * The job dashboard against the sandbox: a sample app of the spec's own is the
 * sandbox's app API, so triggers really execute. Fresh job types per test.
 */
const ENV = "sandbox";
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 100)}`;
let app: { url: string; stop: () => Promise<void> };
const reportParams = JSON.parse(readFileSync("blueprints/examples/report-params.json", "utf8")) as Record<string, unknown>;

type Env = { region: string; accountId: string | null; endpoint: string | null; appApiUrl: string | null; appFunctionArn: string | null; sesSender: string | null; description: string | null; version: number };

async function setAppUrl(request: APIRequestContext, appApiUrl: string) {
  const env = (await (await request.get(`/api/environments/${ENV}`)).json()) as Env;
  const res = await request.patch(`/api/environments/${ENV}`, {
    data: {
      region: env.region, accountId: env.accountId ?? "", endpoint: env.endpoint ?? "", appApiUrl, appFunctionArn: env.appFunctionArn ?? "",
      sesSender: env.sesSender ?? "", description: env.description ?? "", credentials: { type: "unchanged" }, version: env.version,
    },
  });
  expect(res.status()).toBe(200);
}

async function createJob(request: APIRequestContext, name: string, handler: string, timeoutSeconds = 10, paramsBlueprint = "") {
  const res = await request.post(`/api/environments/${ENV}/jobs`, { data: { name, status: "available", handler, type: "control", timeoutSeconds, paramsBlueprint } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

async function runsOf(request: APIRequestContext, jobId: string, extra = "") {
  return ((await (await request.get(`/api/environments/${ENV}/runs?job=${jobId}&limit=100${extra}`)).json()) as { items: Array<{ id: string; status: string; trigger: string }> }).items;
}

async function openJobs(page: Page, query = "") {
  await page.goto(`/environments/${ENV}/jobs${query}`);
  await expect(page.getByRole("heading", { name: `Jobs of ${ENV}` })).toBeVisible();
}

function card(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

test.beforeAll(async () => {
  app = await startSampleApp();
  const request = await playwrightRequest.newContext({ baseURL: e2e.baseUrl, storageState: "e2e/.auth/operator.json" });
  await setAppUrl(request, app.url);
  await request.dispose();
});
test.afterAll(async () => app?.stop());

test("Run now executes against the app: new, then executed with its output", async ({ page, request }) => {
  const job = await createJob(request, unique("Echo"), "/jobs/echo");
  await openJobs(page);
  await card(page, job.name).getByRole("button", { name: `Run now ${job.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Run ${job.name} now` });
  await dialog.getByLabel("Parameters (JSON)").fill('{"city": "Lyon"}');
  await dialog.getByRole("button", { name: "Start run" }).click();
  const drawer = page.getByRole("dialog", { name: `Run of ${job.name}` });
  await expect(drawer.getByText("Status:")).toBeVisible();
  await expect(drawer.getByText("executed", { exact: true })).toBeVisible();
  await expect(drawer.getByTestId("run-output")).toContainText('"city": "Lyon"');
  await expect(page).toHaveURL(/run=[0-9a-f-]{36}/);
  await expectAccessible(page);
});

test("a job with a parameters blueprint gets its form, checked on the server too", async ({ page, request }) => {
  await aws.dynamodb().send(new PutItemCommand({ TableName: `${ENV}_blueprints`, Item: marshall(reportParams) }));
  const job = await createJob(request, unique("Report"), "/jobs/echo", 10, "report_params");
  const bad = await request.post(`/api/environments/${ENV}/runs`, { data: { job: job.id, params: { seconds: "soon" } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fieldErrors).toMatchObject({ title: [expect.any(String)], seconds: [expect.any(String)] });

  await openJobs(page);
  await card(page, job.name).getByRole("button", { name: `Run now ${job.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Run ${job.name} now` });
  await dialog.getByRole("button", { name: "Start run" }).click();
  await expect(dialog.getByText("2 fields need attention.")).toBeVisible();
  await dialog.getByLabel("Title").fill("Quarterly");
  await dialog.getByLabel("Seconds").fill("1");
  await dialog.getByRole("button", { name: "Start run" }).click();
  const drawer = page.getByRole("dialog", { name: `Run of ${job.name}` });
  await expect(drawer.getByTestId("run-output")).toContainText('"title": "Quarterly"');
  await expect(drawer.getByTestId("run-output")).toContainText('"seconds": 1');
});

test("a failing handler gives failed with its reason; an unreachable app says so", async ({ page, request }) => {
  const failing = await createJob(request, unique("Failing"), "/jobs/fail");
  await openJobs(page);
  await card(page, failing.name).getByRole("button", { name: `Run now ${failing.name}` }).click();
  await page.getByRole("dialog", { name: `Run ${failing.name} now` }).getByRole("button", { name: "Start run" }).click();
  const drawer = page.getByRole("dialog", { name: `Run of ${failing.name}` });
  await expect(drawer.getByText("failed", { exact: true })).toBeVisible();
  await expect(drawer.getByRole("alert")).toContainText("The handler answered HTTP 500");

  const closed = await startSampleApp();
  await closed.stop();
  await setAppUrl(request, closed.url);
  try {
    const quick = await createJob(request, unique("Quick"), "/jobs/quick");
    const res = await request.post(`/api/environments/${ENV}/runs`, { data: { job: quick.id, params: {} } });
    expect(res.status()).toBe(201);
    const run = (await res.json()) as { id: string };
    await page.goto(`/environments/${ENV}/jobs?run=${run.id}`);
    const unreachable = page.getByRole("dialog", { name: `Run of ${quick.name}` });
    await expect(unreachable.getByRole("alert")).toContainText(/The app is unreachable: .* refused the connection/);
  } finally {
    await setAppUrl(request, app.url);
  }
});

test("filters, pagination and a reloaded deep link show the same runs", async ({ page, request }) => {
  const job = await createJob(request, unique("Paged"), "/jobs/quick");
  for (let i = 0; i < 27; i++) {
    expect((await request.post(`/api/environments/${ENV}/runs`, { data: { job: job.id, params: { i } } })).status()).toBe(201);
  }
  await openJobs(page);
  await page.getByLabel("Job type", { exact: true }).selectOption({ label: job.name });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`job=${job.id}`));
  const rows = page.getByRole("table", { name: "Runs, newest first" }).getByRole("row");
  // The unfiltered page stays on screen while the filtered one loads; wait for the job's own rows.
  await expect(rows.filter({ hasText: job.name })).toHaveCount(25);
  await expect(rows).toHaveCount(26); // header + 25
  await page.getByRole("button", { name: "Older" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(3);
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(rows).toHaveCount(3);
  await expect(page.getByLabel("Job type", { exact: true })).toHaveValue(job.id);

  await page.goto(`/environments/${ENV}/jobs?job=${job.id}&trigger=cron`);
  await expect(page.getByText("No runs match.")).toBeVisible();
});

test("a run the app wrote shows once an admin indexes the runs written outside the console, by its author's name, with its duration", async ({ page, request }) => {
  test.setTimeout(120_000);
  const job = await createJob(request, unique("AppRun"), "/jobs/quick");
  // The app names the entity that triggered the run (the blueprint's author): a user of the environment.
  const tag = Date.now().toString(36);
  const made = await request.post(`/api/environments/${ENV}/entities`, { data: { type: "user", name: `Ada Runner ${tag}`, email: `ada-runner-${tag}@example.com` } });
  expect(made.status()).toBe(201);
  const user = (await made.json()) as { id: string; name: string };
  const id = crypto.randomUUID();
  const executed = Date.now();
  // As the app writes it: blueprint fields only, no index rows, no duration of the console's.
  await aws.dynamodb().send(new PutItemCommand({
    TableName: `${ENV}_data`,
    Item: marshall({ portfolio_index: "sys", doc_index: `schd_runs#${id}`, schd_jobs_id: job.id, status: "executed", trigger: "cron", author: user.id, time_queued: new Date(executed - 62_000).toISOString(), time_executed: new Date(executed).toISOString(), output: "{}" }),
  }));
  await openJobs(page, `?job=${job.id}`);
  await expect(page.getByText("No runs match.")).toBeVisible();
  await page.getByRole("button", { name: "Index runs written outside the console" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Done: / })).toContainText(/[1-9]\d* indexed/, { timeout: 60_000 });
  const table = page.getByRole("table", { name: "Runs, newest first" });
  await expect(table.getByRole("button", { name: new RegExp(job.name) })).toBeVisible();
  const row = table.getByRole("row").filter({ hasText: job.name });
  await expect(row).toContainText("cron");
  // The name, with the stored key as secondary text; the duration from its times (62 s).
  await expect(row.getByText(user.name, { exact: true })).toBeVisible();
  await expect(row.getByText(user.id, { exact: true })).toBeVisible();
  await expect(row).toContainText("1 min 2 s");
  await table.getByRole("button", { name: new RegExp(job.name) }).click();
  const drawer = page.getByRole("dialog", { name: `Run of ${job.name}` });
  await expect(drawer.getByText(user.name, { exact: true })).toBeVisible();
  await expect(drawer).toContainText("1 min 2 s");
  await expectAccessible(page);
});

test("a run the console stopped waiting for is failed by the server's own sweep; a stuck cron run, or one the app wrote, waits for an admin", async ({ page, request }) => {
  test.setTimeout(120_000);
  const job = await createJob(request, unique("Orphan"), "/jobs/quick");
  const orphan = crypto.randomUUID();
  const cron = crypto.randomUUID();
  const appRun = crypto.randomUUID();
  const queued = new Date(Date.now() - 10 * 60_000).toISOString();
  // Runs left new 10 minutes ago, as stored documents: one the console dispatched (it carries the console's
  // deadline) and then died; one of a schedule whose handler never answered; one the app wrote itself (no
  // console deadline: the app's to end, never the console's to fail).
  const runs: [string, string, string, Record<string, string>][] = [
    [orphan, "manual", e2e.operator.email, { _deadline: new Date(Date.now() - 9 * 60_000).toISOString() }],
    [cron, "cron", "scheduler", {}],
    [appRun, "manual", e2e.operator.email, {}],
  ];
  for (const [id, trigger, author, extra] of runs) {
    await aws.dynamodb().send(new PutItemCommand({
      TableName: `${ENV}_data`,
      Item: marshall({ portfolio_index: "sys", doc_index: `schd_runs#${id}`, schd_jobs_id: job.id, status: "new", trigger, author, time_queued: queued, ...extra }),
    }));
  }
  // Their index rows (the admin's repair action for runs written outside the console), page by page.
  let cursor: string | null = null;
  do {
    const res: APIResponse = await request.post(`/api/environments/${ENV}/runs/reindex`, { data: { limit: 200, ...(cursor ? { cursor } : {}) } });
    expect(res.status()).toBe(200);
    cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
  } while (cursor);
  const run = async (id: string) => (await (await request.get(`/api/environments/${ENV}/runs/${id}`)).json()) as { status: string; stuck: boolean; orphaned: boolean; reason: string | null };
  // The server sweeps in the background (every 2 s in these tests); reads only show.
  await expect.poll(async () => (await run(orphan)).status, { timeout: 30_000 }).toBe("failed");
  expect((await run(orphan)).reason).toMatch(/console stopped waiting/);
  expect(await run(cron)).toMatchObject({ status: "new", stuck: true, orphaned: false, reason: null });
  expect(await run(appRun)).toMatchObject({ status: "new", stuck: true, orphaned: false, reason: null });
  await openJobs(page, `?job=${job.id}&run=${cron}`);
  const drawer = page.getByRole("dialog", { name: `Run of ${job.name}` });
  await expect(drawer.getByText("stuck", { exact: true })).toBeVisible();
  await drawer.getByRole("button", { name: "Mark failed" }).click();
  await expect(drawer.getByText("failed", { exact: true })).toBeVisible();
  expect((await run(cron)).status).toBe("failed");
});

test("an open dashboard shows a new run and its status change without a reload", async ({ page, request }) => {
  test.setTimeout(120_000);
  const job = await createJob(request, unique("Live"), "/jobs/slow", 60);
  await openJobs(page, `?job=${job.id}`);
  await expect(page.getByText("No runs match.")).toBeVisible();
  const res = await request.post(`/api/environments/${ENV}/runs`, { data: { job: job.id, params: { seconds: 15 } } });
  expect(res.status()).toBe(201);
  const table = page.getByRole("table", { name: "Runs, newest first" });
  await expect(table.getByText("new", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(table.getByText("executed", { exact: true })).toBeVisible({ timeout: 40_000 });
});

test("the charts render from the aggregates, with text alternatives", async ({ page, request }) => {
  const job = await createJob(request, unique("Charted"), "/jobs/quick");
  await request.post(`/api/environments/${ENV}/runs`, { data: { job: job.id, params: {} } });
  await openJobs(page);
  await expect(page.getByTestId("stats-summary")).toContainText(/[1-9]\d* runs? in the last 30 days/);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const figure = page.getByRole("figure", { name: "Failure rate per job type" });
  await figure.getByText("Data as a table").click();
  await expect(figure.getByRole("table", { name: "Failure rate per job type" })).toContainText(job.name);
});

test("a double click makes one run", async ({ page, request }) => {
  const job = await createJob(request, unique("Once"), "/jobs/quick");
  await openJobs(page);
  await card(page, job.name).getByRole("button", { name: `Run now ${job.name}` }).click();
  await page.getByRole("dialog", { name: `Run ${job.name} now` }).getByRole("button", { name: "Start run" }).dblclick();
  await expect(page.getByRole("dialog", { name: `Run of ${job.name}` })).toBeVisible();
  await expect.poll(async () => (await runsOf(request, job.id)).length).toBe(1);
});

test("an API token triggers a run with trigger api; a revoked one and a viewer's are refused", async ({ page, request }) => {
  const job = await createJob(request, unique("Scripted"), "/jobs/echo");
  await page.goto(`/environments/${ENV}/jobs/tokens`);
  const name = unique("script");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent()) ?? "";
  expect(token).toMatch(/^tt_[0-9a-f]{16}_/);

  // No cookies: a script has only its token.
  const script = await playwrightRequest.newContext({ baseURL: e2e.baseUrl, storageState: { cookies: [], origins: [] } });
  const ok = await script.post(`/api/environments/${ENV}/runs`, { headers: { authorization: `Bearer ${token}` }, data: { job: job.name, params: { from: "script" } } });
  expect(ok.status()).toBe(201);
  expect(await ok.json()).toMatchObject({ trigger: "api", status: "new" });
  expect((await script.get(`/api/environments/${ENV}/runs`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

  await page.getByRole("row", { name: new RegExp(name) }).getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("revoked");
  const refused = await script.post(`/api/environments/${ENV}/runs`, { headers: { authorization: `Bearer ${token}` }, data: { job: job.name, params: {} } });
  expect(refused.status()).toBe(401);

  const viewerName = unique("viewer");
  await page.getByLabel("Name").fill(viewerName);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).not.toHaveText(token);
  const viewerToken = (await page.getByTestId("new-token").textContent()) ?? "";
  const forbidden = await script.post(`/api/environments/${ENV}/runs`, { headers: { authorization: `Bearer ${viewerToken}` }, data: { job: job.name, params: {} } });
  expect(forbidden.status()).toBe(403);
  await script.dispose();
  expect((await runsOf(request, job.id)).map((r) => r.trigger)).toEqual(["api"]);
  await expectAccessible(page);
});

test("the job type form is the schd_jobs blueprint; a bad cron expression is refused with a message", async ({ page }) => {
  await openJobs(page);
  await page.getByRole("button", { name: "New job type" }).click();
  const dialog = page.getByRole("dialog", { name: "New job type" });
  // The shared renderer draws the environment's schd_jobs blueprint (its labels, its type options).
  const form = dialog.getByRole("form", { name: "Job Types" });
  const name = unique("Cron");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Handler").fill("/jobs/quick");
  await expect(form.getByLabel("Type")).toHaveValue("control");
  await form.getByLabel("Type").selectOption("inference");
  await dialog.getByLabel("Schedule").fill("cron(0 12 * * *)");
  await dialog.getByRole("button", { name: "Create job type" }).click();
  await expect(dialog.getByText(/A cron expression has 6 fields/).first()).toBeVisible();
  await dialog.getByLabel("Schedule").fill("cron(0 12 * * ? *)");
  await expect(dialog.getByText("Next five runs (your local time)")).toBeVisible();
  // Without a schedule (the sandbox has no app function) it saves, and shows as an inference job.
  await dialog.getByLabel("Schedule").fill("");
  await dialog.getByRole("button", { name: "Create job type" }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, name)).toContainText("Inference");

  await card(page, name).getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(edit.getByRole("form", { name: "Job Types" }).getByLabel("Handler")).toHaveValue("/jobs/quick");
  await edit.getByRole("form", { name: "Job Types" }).getByLabel("Description").fill("Edited with the shared renderer");
  await edit.getByRole("button", { name: "Save job type" }).click();
  await expect(edit).toBeHidden();
  await expect(card(page, name)).toContainText("Edited with the shared renderer");
});

test("the dashboard works at 360 px in the dark theme, and axe finds nothing", async ({ page, request }) => {
  const job = await createJob(request, unique("Narrow"), "/jobs/quick");
  await request.post(`/api/environments/${ENV}/runs`, { data: { job: job.id, params: {} } });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  await openJobs(page, `?job=${job.id}`);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Runs, newest first" }).getByRole("button", { name: new RegExp(job.name) })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
