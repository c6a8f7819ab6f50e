import { describe, expect, it } from "vitest";
import { bucketOf, BUCKET_BOUNDS_MS, emptyBuckets, percentileFromBuckets } from "@/lib/jobs/durations";
import { lastDays, statsOnEnded, summarizeStats } from "@/lib/jobs/stats";
import { truncateOutput } from "@/lib/jobs/output";
import { isOrphaned, isStuck, runDeadline } from "@/lib/jobs/stuck";

describe("duration buckets", () => {
  it("puts durations in log-scale buckets with an open last bucket", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(10)).toBe(0);
    expect(bucketOf(11)).toBe(1);
    expect(bucketOf(1000)).toBe(7); // 1280 ms bound
    expect(bucketOf(10 ** 9)).toBe(BUCKET_BOUNDS_MS.length);
  });

  it("computes percentiles as bucket upper bounds", () => {
    const b = emptyBuckets();
    b[bucketOf(15)] = 90; // 20 ms bucket
    b[bucketOf(3000)] = 10; // 5120 ms bucket
    expect(percentileFromBuckets(b, 0.5)).toBe(20);
    expect(percentileFromBuckets(b, 0.9)).toBe(20);
    expect(percentileFromBuckets(b, 0.95)).toBe(5120);
    expect(percentileFromBuckets(emptyBuckets(), 0.5)).toBeNull();
  });
});

describe("aggregate rows", () => {
  it("adds the status and the duration bucket", () => {
    expect(statsOnEnded("failed", 1000)).toMatchObject({ UpdateExpression: "ADD #status :one, #bucket :one", ExpressionAttributeNames: { "#status": "failed", "#bucket": "d07" } });
    expect(statsOnEnded("failed", null).UpdateExpression).toBe("ADD #status :one");
  });

  it("summarizes days (zero-filled) and jobs", () => {
    const days = lastDays(new Date("2026-03-03T12:00:00Z"), 3);
    expect(days).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    const stats = summarizeStats(
      [
        { day: "2026-03-01", job_id: "a", queued: 10, executed: 8, failed: 1, d00: 9 },
        { day: "2026-03-03", job_id: "a", queued: 4, executed: 1, failed: 3, d05: 4 },
        { day: "2026-03-03", job_id: "b", job_name: "Beta", queued: 2, executed: 2, d00: 2 },
        { day: "2026-02-01", job_id: "b", queued: 99, executed: 99 },
      ],
      days,
      new Map([["a", "Alpha"]]),
    );
    expect(stats.days).toEqual([
      { day: "2026-03-01", executed: 8, failed: 1, new: 1 },
      { day: "2026-03-02", executed: 0, failed: 0, new: 0 },
      { day: "2026-03-03", executed: 3, failed: 3, new: 0 },
    ]);
    expect(stats.jobs).toEqual([
      { jobId: "a", jobName: "Alpha", total: 14, executed: 9, failed: 4, failureRate: 4 / 13, p50Ms: 10, p95Ms: 320 },
      { jobId: "b", jobName: "Beta", total: 2, executed: 2, failed: 0, failureRate: 0, p50Ms: 10, p95Ms: 10 },
    ]);
  });
});

describe("output truncation", () => {
  it("keeps short output and cuts long output on a character boundary with a note", () => {
    expect(truncateOutput("ok")).toEqual({ text: "ok", truncated: false, originalBytes: 2 });
    const long = "é".repeat(1000); // 2000 bytes
    const out = truncateOutput(long, 500);
    expect(out.truncated).toBe(true);
    expect(Buffer.byteLength(out.text)).toBeLessThanOrEqual(500);
    expect(out.text).toMatch(/output truncated: 2000 bytes/);
    expect(out.text).not.toContain("\uFFFD");
  });
});

describe("stuck runs", () => {
  const queued = "2026-03-01T00:00:00.000Z";
  it("flags new runs past their deadline and fails only console-dispatched ones automatically", () => {
    const deadline = runDeadline(queued, 30);
    expect(deadline).toBe("2026-03-01T00:01:30.000Z");
    const later = new Date("2026-03-01T00:02:00.000Z");
    expect(isStuck({ status: "new", deadline, time_queued: queued }, later)).toBe(true);
    expect(isStuck({ status: "new", deadline, time_queued: queued }, new Date("2026-03-01T00:01:00.000Z"))).toBe(false);
    expect(isStuck({ status: "failed", deadline, time_queued: queued }, later)).toBe(false);
    expect(isOrphaned({ status: "new", trigger: "manual", deadline, time_queued: queued }, later)).toBe(true);
    expect(isOrphaned({ status: "new", trigger: "cron", deadline, time_queued: queued }, later)).toBe(false);
  });
});
