import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import reportParams from "@/blueprints/examples/report-params.json";
import { fromItem } from "@/lib/documents/item";
import { getBulkProgress, startRerunFailed } from "@/lib/jobs/bulk-rerun";
import { executeRun } from "@/lib/jobs/dispatch";
import { createJobType } from "@/lib/jobs/job-types";
import { jobTypeInputSchema, runQuerySchema, type JobType } from "@/lib/jobs/schema";
import { getRun, jobsOverview, listRuns, runStats } from "@/lib/jobs/runs-read";
import { completeRun, createRun, markRunFailed } from "@/lib/jobs/runs-write";
import { sweepAllEnvironments, sweepOrphanedRuns } from "@/lib/jobs/orphan-sweep";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { jobStore, type JobStore } from "@/lib/jobs/store";
import { triggerRun } from "@/lib/jobs/trigger";
import { reindexRuns } from "@/lib/jobs/reindex";
import { withEmulator } from "../support/emulator";
import { jobsEnvironment } from "../support/jobs-env";
import { startSampleApp } from "../../scripts/sample-app/server.mjs";

withEmulator();

let app: { url: string; stop: () => Promise<void> };
let store: JobStore;
const jobs: Record<string, JobType> = {};
const q = (input: object) => runQuerySchema.parse(input);

beforeAll(async () => {
  app = await startSampleApp();
  await jobsEnvironment("jobsint", { appApiUrl: app.url });
  store = await jobStore("jobsint");
  for (const [name, handler] of [["Quick", "/jobs/quick"], ["Failing", "/jobs/fail"], ["Echo", "/jobs/echo"], ["Large", "/jobs/large"]] as const) {
    jobs[name] = await createJobType(store, jobTypeInputSchema.parse({ name, status: "available", handler, type: "control", timeoutSeconds: 5 }), "admin@x.io");
  }
});
afterAll(async () => {
  await app?.stop();
});

async function runJob(job: JobType, params: Record<string, unknown> = {}, trigger: "manual" | "api" = "manual") {
  const t = await triggerRun(store, { job: job.id, params }, { author: "admin@x.io", trigger });
  expect(t.detail.status).toBe("new");
  const ended = await executeRun(store, t.run, t.job);
  return { id: t.run._id, ended };
}

describe("job runs (against the emulator and the sample app)", () => {
  it("executes a run against the app, with its output and timings", async () => {
    const { id } = await runJob(jobs.Echo as JobType, { city: "Lyon" });
    const run = await getRun(store, id);
    expect(run).toMatchObject({ status: "executed", trigger: "manual", author: "admin@x.io", jobName: "Echo", params: { city: "Lyon" }, stuck: false });
    expect(JSON.parse(run.output ?? "")).toEqual({ ok: true, parameters: { city: "Lyon" } });
    expect(run.timeExecuted && run.timeExecuted >= run.timeQueued).toBe(true);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    // The document store reads it as an ordinary schd_runs document: blueprint fields only as values.
    const raw = await store.db.send(new GetCommand({ TableName: store.table, Key: { portfolio_index: "sys", doc_index: `schd_runs#${id}` } }));
    const doc = fromItem(raw.Item);
    expect(doc).toMatchObject({ blueprint: "schd_runs", blueprintIrn: "irn:blueprint:irma:schd_runs", id, revision: 2 });
    expect(Object.keys(doc?.values ?? {}).sort()).toEqual(["author", "output", "schd_jobs_id", "status", "time_executed", "time_queued", "trigger"]);
  });

  it("fails a run on a non-2xx answer, with the reason", async () => {
    const { id } = await runJob(jobs.Failing as JobType);
    expect(await getRun(store, id)).toMatchObject({ status: "failed", reason: expect.stringMatching(/HTTP 500: .*failed on purpose/) });
  });

  it("truncates a large output below the item limit, with a note", async () => {
    const { id } = await runJob(jobs.Large as JobType, { bytes: 600_000 });
    const run = await getRun(store, id);
    expect(run).toMatchObject({ status: "executed", outputTruncated: true, outputBytes: 600_000 });
    expect(run.output).toMatch(/output truncated: 600000 bytes/);
  });

  it("fails a run when the app is unreachable, saying so", async () => {
    const closed = await startSampleApp();
    await closed.stop(); // a port nothing listens on any more
    await jobsEnvironment("jobsdown", { appApiUrl: closed.url });
    const down = await jobStore("jobsdown");
    const job = await createJobType(down, jobTypeInputSchema.parse({ name: "Quick", status: "available", handler: "/jobs/quick", type: "control" }), "admin@x.io");
    const t = await triggerRun(down, { job: "Quick", params: {} }, { author: "admin@x.io", trigger: "manual" });
    await executeRun(down, t.run, job);
    expect(await getRun(down, t.run._id)).toMatchObject({ status: "failed", reason: expect.stringMatching(/unreachable: .*refused the connection/) });
  });

  it("makes one run per idempotency key", async () => {
    const body = { job: (jobs.Quick as JobType).id, params: {}, idempotencyKey: "double-click-1" };
    const [a, b] = await Promise.all([
      triggerRun(store, body, { author: "admin@x.io", trigger: "manual" }),
      triggerRun(store, body, { author: "admin@x.io", trigger: "manual" }),
    ]);
    expect(a.run._id).toBe(b.run._id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    // The key expires: it carries the data table's TTL attribute (provisioning turns the table's TTL on).
    const key = await store.db.send(new GetCommand({ TableName: store.table, Key: { portfolio_index: "sys#idem", doc_index: "admin@x.io#double-click-1" } }));
    const expiresAt = key.Item?.expires_at;
    expect(typeof expiresAt).toBe("number");
    expect(key.Item?._ttl).toBe(expiresAt);
    expect(Math.abs(Number(expiresAt) - (Date.now() / 1000 + 86_400))).toBeLessThan(120);
  });

  it("filters by each dimension and combinations, newest first, with cursors", async () => {
    for (let i = 0; i < 3; i++) await runJob(jobs.Quick as JobType, {}, "api");
    const failed = await listRuns(store, q({ status: "failed" }));
    expect(failed.items.length).toBeGreaterThanOrEqual(1);
    expect(failed.items.every((r) => r.status === "failed")).toBe(true);
    const api = await listRuns(store, q({ trigger: "api", job: (jobs.Quick as JobType).id }));
    expect(api.items).toHaveLength(3);
    const all = await listRuns(store, q({ limit: 100 }));
    const times = all.items.map((r) => r.timeQueued);
    expect([...times].sort().reverse()).toEqual(times);
    const page1 = await listRuns(store, q({ limit: 2 }));
    const page2 = await listRuns(store, q({ limit: 2, cursor: page1.nextCursor ?? undefined }));
    expect(page2.items.map((r) => r.id)).toEqual(all.items.slice(2, 4).map((r) => r.id));
    await expect(listRuns(store, q({ status: "failed", cursor: page1.nextCursor ?? undefined }))).rejects.toMatchObject({ status: 400, fieldErrors: { cursor: [expect.any(String)] } });
    const none = await listRuns(store, q({ from: "2000-01-01T00:00:00Z", to: "2000-01-02T00:00:00Z" }));
    expect(none.items).toEqual([]);
  });

  it("keeps one status row per run (the old one leaves in the same transaction)", async () => {
    const newRows = await store.db.send(new QueryCommand({ TableName: store.table, KeyConditionExpression: "portfolio_index = :p", ExpressionAttributeValues: { ":p": "sys#runs#status=new" } }));
    const ids = (newRows.Items ?? []).map((r) => r.run_id as string);
    for (const id of ids) expect((await getRun(store, id)).status).toBe("new");
  });

  it("counts runs per day and job in the aggregates", async () => {
    const stats = await runStats(store, 30);
    const today = stats.days[stats.days.length - 1];
    const listed = await listRuns(store, q({ limit: 100 }));
    const byStatus = (s: string) => listed.items.filter((r) => r.status === s).length;
    expect(today).toMatchObject({ executed: byStatus("executed"), failed: byStatus("failed"), new: byStatus("new") });
    const failing = stats.jobs.find((j) => j.jobName === "Failing");
    expect(failing).toMatchObject({ failed: 1, failureRate: 1 });
    expect(stats.jobs.find((j) => j.jobName === "Echo")?.p50Ms).toEqual(expect.any(Number));
    expect(stats.itemsRead).toBeLessThanOrEqual(30 * 4);
  });

  it("flags stuck runs and shows orphaned ones without writing; the sweep fails each orphan once; an admin marks failed", async () => {
    const queued = new Date(Date.now() - 10 * 60_000);
    const quick = jobs.Quick as JobType;
    const { run: cron } = await createRun(store, { job: quick, trigger: "cron", author: "scheduler", params: {} }, queued);
    const { run: manual } = await createRun(store, { job: quick, trigger: "manual", author: "admin@x.io", params: {} }, queued);
    const { run: api } = await createRun(store, { job: quick, trigger: "api", author: "admin@x.io", params: {} }, queued);
    const { run: answered } = await createRun(store, { job: quick, trigger: "manual", author: "admin@x.io", params: {} }, queued);
    const statsBefore = (await runStats(store, 30)).days.find((d) => d.day === queued.toISOString().slice(0, 10));
    const stored = async (id: string) =>
      (await store.db.send(new GetCommand({ TableName: store.table, Key: { portfolio_index: "sys", doc_index: `schd_runs#${id}` }, ConsistentRead: true }))).Item;

    // Reads (overview, list, detail, stats) show them and write nothing.
    const overview = await jobsOverview(store);
    expect(overview.stuck.map((r) => r.id).sort()).toEqual([cron._id, manual._id, api._id, answered._id].sort());
    expect(overview.stuck.find((r) => r.id === manual._id)).toMatchObject({ status: "new", stuck: true, orphaned: true, reason: expect.stringMatching(/console stopped waiting/) });
    expect(overview.stuck.find((r) => r.id === cron._id)).toMatchObject({ status: "new", stuck: true, orphaned: false, reason: null });
    const listed = await listRuns(store, q({ status: "new", job: quick.id, limit: 100 }));
    expect(listed.items.find((r) => r.id === api._id)).toMatchObject({ status: "new", orphaned: true });
    expect(await getRun(store, manual._id)).toMatchObject({ status: "new", orphaned: true, timeExecuted: null, reason: expect.stringMatching(/console stopped waiting/) });
    await runStats(store, 30);
    for (const id of [manual._id, api._id, cron._id]) expect(await stored(id)).toMatchObject({ status: "new", _revision: 1 });
    expect((await stored(manual._id))?._reason).toBeUndefined();

    // The handler of one answers before the sweep: its answer stays.
    await completeRun(store, answered._id, { status: "executed", output: "late but fine", timeExecuted: new Date(), durationMs: 5 });
    // Two replicas sweeping at once, then again: each orphan is failed once.
    const sweeps = [...(await Promise.all([sweepOrphanedRuns(store), sweepOrphanedRuns(store)])), await sweepOrphanedRuns(store)];
    expect(sweeps.flatMap((s) => s.failed).sort()).toEqual([manual._id, api._id].sort());
    expect(await getRun(store, manual._id)).toMatchObject({ status: "failed", orphaned: false, reason: expect.stringMatching(/console stopped waiting/) });
    expect(await getRun(store, answered._id)).toMatchObject({ status: "executed", output: "late but fine" });
    expect(await getRun(store, cron._id)).toMatchObject({ status: "new", stuck: true, orphaned: false });
    // The day's aggregates moved each run once: 3 of the 4 left new (2 failed, 1 executed).
    const statsAfter = (await runStats(store, 30)).days.find((d) => d.day === queued.toISOString().slice(0, 10));
    expect(statsAfter).toMatchObject({ new: (statsBefore?.new ?? 0) - 3, failed: (statsBefore?.failed ?? 0) + 2, executed: (statsBefore?.executed ?? 0) + 1 });
    const ours = new Set([cron._id, manual._id, api._id, answered._id]);
    expect((await listRuns(store, q({ status: "new", job: quick.id, limit: 100 }))).items.map((r) => r.id).filter((id) => ours.has(id))).toEqual([cron._id]);

    const marked = await markRunFailed(store, cron._id, "Marked failed by admin@x.io.");
    expect(marked.status).toBe("failed");
    await expect(markRunFailed(store, cron._id, "again")).rejects.toMatchObject({ status: 409 });
    // Ended without a handler answer: their duration is their time in the pipeline, in the detail and the stats alike.
    expect((await getRun(store, cron._id)).durationMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect((await getRun(store, manual._id)).durationMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect((await runStats(store, 30)).jobs.find((j) => j.jobName === "Quick")?.p95Ms).toBeGreaterThanOrEqual(10 * 60_000);
    const quickOverview = overview.items.find((j) => j.name === "Quick");
    expect(quickOverview?.lastRun).not.toBeNull();
    expect(quickOverview?.recentRuns.length).toBeGreaterThan(0);
  });

  it("sweeps every environment: one without a data table does not stop the others", async () => {
    await createEnvironment(environmentCreateSchema.parse({ name: "jobsbare", region: "us-east-1", credentials: { type: "default" } }), "tester@example.com");
    const { run } = await createRun(store, { job: jobs.Quick as JobType, trigger: "manual", author: "admin@x.io", params: {} }, new Date(Date.now() - 10 * 60_000));
    const result = await sweepAllEnvironments();
    expect(result.environments).toBeGreaterThanOrEqual(2);
    expect(result.failed).toBeGreaterThanOrEqual(1);
    expect(await getRun(store, run._id)).toMatchObject({ status: "failed", reason: expect.stringMatching(/console stopped waiting/) });
  });

  it("validates parameters against the job's parameters blueprint", async () => {
    await store.db.send(new PutCommand({ TableName: "jobsint_blueprints", Item: reportParams }));
    const job = await createJobType(store, jobTypeInputSchema.parse({ name: "Report", status: "available", handler: "/jobs/echo", type: "generation", paramsBlueprint: "report_params" }), "admin@x.io");
    const as = { author: "admin@x.io", trigger: "manual" as const };
    await expect(triggerRun(store, { job: job.id, params: { title: "Q1", seconds: "soon" } }, as)).rejects.toMatchObject({ status: 400, fieldErrors: { seconds: [expect.any(String)] } });
    await expect(triggerRun(store, { job: job.id, params: { seconds: 1 } }, as)).rejects.toMatchObject({ status: 400, fieldErrors: { title: [expect.any(String)] } });
    await expect(triggerRun(store, { job: job.id, params: { title: "Q1", seconds: 1, extra: true } }, as)).rejects.toMatchObject({ status: 400, fieldErrors: { extra: [expect.any(String)] } });
    const ok = await triggerRun(store, { job: job.id, params: { title: "Q1", seconds: "2" } }, as);
    expect(ok.detail.params).toEqual({ title: "Q1", seconds: 2 });
  });

  it("re-runs the failed runs of a filter with their parameters, progress kept in DynamoDB", async () => {
    const failing = jobs.Failing as JobType;
    await runJob(failing, { attempt: 2 });
    const before = await listRuns(store, q({ job: failing.id, status: "failed", limit: 100 }));
    const { progress, work } = await startRerunFailed(store, { job: failing.id, max: 100 }, "admin@x.io");
    expect(progress).toMatchObject({ state: "running", total: before.items.length, done: 0 });
    await work();
    const after = await getBulkProgress(store, progress.id);
    expect(after).toMatchObject({ state: "done", done: before.items.length, errors: 0 });
    const reruns = await Promise.all(after.runIds.map((id) => getRun(store, id)));
    expect(new Set(reruns.map((r) => r.rerunOf))).toEqual(new Set(before.items.map((r) => r.id)));
    expect(reruns.find((r) => r.rerunOf === before.items[0]?.id)?.params).toEqual({ attempt: 2 });
  });

  it("refuses an unavailable job type", async () => {
    const off = await createJobType(store, jobTypeInputSchema.parse({ name: "Off", status: "not_available", handler: "/jobs/quick", type: "control" }), "admin@x.io");
    await expect(triggerRun(store, { job: off.id, params: {} }, { author: "a", trigger: "manual" })).rejects.toMatchObject({ status: 409 });
  });

  it("indexes runs the app wrote (no index rows, app-style attributes), once, and their end later", async () => {
    const job = jobs.Echo as JobType;
    const id = "0a0a0a0a-0000-4000-a000-00000000abcd";
    const queued = new Date(Math.floor((Date.now() - 3_600_000) / 1000) * 1000); // whole seconds, as the app writes them
    const appTime = queued.toISOString().slice(0, 19).replace("T", " "); // "2026-11-28 10:00:00", no zone
    const doc = { portfolio_index: "sys", doc_index: `schd_runs#${id}`, schd_jobs_id: job.id, status: "new", trigger: "cron", author: "scheduler", time_queued: appTime };
    await store.db.send(new PutCommand({ TableName: store.table, Item: doc }));
    const echoStats = async () => (await runStats(store, 30)).jobs.find((j) => j.jobId === job.id) ?? { total: 0, executed: 0 };
    const before = await echoStats();
    expect((await listRuns(store, q({ job: job.id, limit: 100 }))).items.map((r) => r.id)).not.toContain(id);

    let cursor: string | undefined;
    let indexed = 0;
    do {
      const page = await reindexRuns(store, { cursor, limit: 5 });
      indexed += page.indexed;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(indexed).toBe(1); // only the app's run: the console's runs have their rows
    const listed = (await listRuns(store, q({ job: job.id, trigger: "cron", limit: 100 }))).items;
    expect(listed).toEqual([expect.objectContaining({ id, jobName: "Echo", status: "new", trigger: "cron", timeQueued: queued.toISOString().replace(/\.\d{3}Z$/, ".000Z") })]);
    expect((await echoStats()).total).toBe(before.total + 1);
    expect((await reindexRuns(store, { limit: 200 })).indexed).toBe(0); // twice is once

    // The app ends the run: its rows move to executed and the end is counted.
    const executed = new Date(queued.getTime() + 1500).toISOString();
    await store.db.send(new PutCommand({ TableName: store.table, Item: { ...doc, status: "executed", time_executed: executed, output: "{}" } }));
    expect((await reindexRuns(store, { limit: 200 })).updated).toBe(1);
    expect((await listRuns(store, q({ status: "new", job: job.id, limit: 100 }))).items.map((r) => r.id)).not.toContain(id);
    // Its duration comes from its times (it has no measured one) in the list and the detail alike.
    expect((await listRuns(store, q({ status: "executed", job: job.id, limit: 100 }))).items.find((r) => r.id === id)).toMatchObject({ durationMs: 1500 });
    expect((await echoStats()).executed).toBe(before.executed + 1);
    expect(await getRun(store, id)).toMatchObject({ id, jobName: "Echo", status: "executed", timeExecuted: executed, durationMs: 1500 });
  });
});
