import { describe, expect, it } from "vitest";
import { isoTime, recordDurationMs, runDurationMs } from "@/lib/jobs/run-times";
import { summaryFromItem } from "@/lib/jobs/run-items";

const queued = "2026-11-28T10:00:00.000Z";

describe("a run's duration (one rule for list, drawer, CLI and stats)", () => {
  it("uses the handler time the console measured", () => {
    expect(runDurationMs({ status: "executed", timeQueued: queued, timeExecuted: "2026-11-28T10:00:09Z", measuredMs: 1234 })).toBe(1234);
  });

  it("derives time_executed − time_queued when nothing was measured (app-written runs, runs marked failed)", () => {
    expect(runDurationMs({ status: "executed", timeQueued: queued, timeExecuted: "2026-11-28T10:00:02.5Z" })).toBe(2500);
    expect(runDurationMs({ status: "failed", timeQueued: "2026-11-28 10:00:00", timeExecuted: "2026-11-28T12:01:00+02:00", measuredMs: null })).toBe(60_000);
  });

  it("has none for a run still new, without an end time, or ending before it was queued", () => {
    expect(runDurationMs({ status: "new", timeQueued: queued, timeExecuted: "2026-11-28T10:00:01Z", measuredMs: 5 })).toBeNull();
    expect(runDurationMs({ status: "executed", timeQueued: queued, timeExecuted: null })).toBeNull();
    expect(runDurationMs({ status: "executed", timeQueued: queued, timeExecuted: "whenever" })).toBeNull();
    expect(runDurationMs({ status: "failed", timeQueued: queued, timeExecuted: "2026-11-28T09:59:59Z" })).toBeNull();
    expect(runDurationMs({ status: "executed", timeQueued: queued, timeExecuted: "2026-11-28T10:00:01Z", measuredMs: Number.NaN })).toBe(1000);
  });

  it("reads a stored record the same way", () => {
    expect(recordDurationMs({ status: "executed", time_queued: queued, time_executed: "2026-11-28T10:00:01Z" })).toBe(1000);
    expect(recordDurationMs({ status: "executed", time_queued: queued, time_executed: "2026-11-28T10:00:01Z", duration_ms: 40 })).toBe(40);
  });

  it("gives a run document the app wrote (app-style times, no _duration_ms) its duration and ISO times", () => {
    const summary = summaryFromItem(
      { portfolio_index: "sys", doc_index: "schd_runs#r9", schd_jobs_id: "j", status: "executed", trigger: "cron", author: "scheduler", time_queued: "2026-11-28 10:00:00", time_executed: "2026-11-28 10:00:03" },
      new Date("2026-11-28T11:00:00Z"),
    );
    expect(summary).toMatchObject({ id: "r9", timeQueued: queued, timeExecuted: "2026-11-28T10:00:03.000Z", durationMs: 3000 });
    expect(isoTime("2026-11-28T10:00:00Z")).toBe(queued);
  });
});
