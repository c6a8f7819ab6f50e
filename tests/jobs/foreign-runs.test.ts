import { describe, expect, it } from "vitest";
import { isoTime, runFromDocument, statsOnIndexed } from "@/lib/jobs/foreign-runs";

const names = new Map([["job-1", "Cleanup"]]);
const base = { portfolio_index: "sys", doc_index: "schd_runs#r1", schd_jobs_id: "job-1", status: "executed", trigger: "cron", time_queued: "2026-11-28T10:00:00Z", time_executed: "2026-11-28T10:00:02.5Z" };

describe("runs written outside the console", () => {
  it("reads times as the app may write them, as ISO-8601 UTC", () => {
    expect(isoTime("2026-11-28 10:00:00")).toBe("2026-11-28T10:00:00.000Z");
    expect(isoTime("2026-11-28T12:00:00+02:00")).toBe("2026-11-28T10:00:00.000Z");
    expect(isoTime("yesterday")).toBeUndefined();
    expect(isoTime(17)).toBeUndefined();
  });

  it("takes the id from doc_index, the job's name from the job types, and stores no derived duration", () => {
    const read = runFromDocument(base, names);
    expect(read).toMatchObject({ ok: true, run: { _id: "r1", job_name: "Cleanup", status: "executed", trigger: "cron", author: "scheduler", time_queued: "2026-11-28T10:00:00.000Z" } });
    expect(read.ok && read.run.duration_ms).toBeUndefined();
  });

  it("says why a document cannot be indexed", () => {
    expect(runFromDocument({ ...base, status: "running" }, names)).toMatchObject({ ok: false, reason: expect.stringMatching(/status/) });
    expect(runFromDocument({ ...base, time_queued: "soon" }, names)).toMatchObject({ ok: false, reason: expect.stringMatching(/time_queued/) });
    expect(runFromDocument({ ...base, schd_jobs_id: "" }, names)).toMatchObject({ ok: false });
  });

  it("counts an ended run's queue, end and duration bucket at once", () => {
    const read = runFromDocument(base, names);
    if (!read.ok) throw new Error(read.reason);
    const update = statsOnIndexed(read.run);
    expect(update.UpdateExpression).toBe("SET #day = :day, job_id = :job, job_name = :name ADD queued :one, #status :one, #bucket :one");
    // 2.5 s from queued to executed: the bucket of durations up to 2,560 ms.
    expect(update.ExpressionAttributeNames).toMatchObject({ "#status": "executed", "#bucket": "d08" });
    const queued = runFromDocument({ ...base, status: "new" }, names);
    if (!queued.ok) throw new Error(queued.reason);
    expect(statsOnIndexed(queued.run).UpdateExpression).toBe("SET #day = :day, job_id = :job, job_name = :name ADD queued :one");
  });
});
