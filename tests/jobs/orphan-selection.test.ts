import { afterEach, describe, expect, it, vi } from "vitest";
import { nextSweepDelay, orphansToFail, sweepKeyRange } from "@/lib/jobs/orphan-selection";
import { startOrphanSweeps } from "@/lib/jobs/orphan-sweep";
import { summaryFromItem } from "@/lib/jobs/run-items";
import { ORPHANED_REASON, runDeadline } from "@/lib/jobs/stuck";
import { drainBackgroundWork, resetDrainForTests } from "@/lib/server/shutdown";

const queued = "2026-03-01T00:00:00.000Z";
const now = new Date("2026-03-01T00:05:00.000Z");

function row(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    portfolio_index: "sys#runs#status=new",
    doc_index: `schd_runs#${queued}#${id}`,
    run_id: id,
    schd_jobs_id: "job-1",
    status: "new",
    trigger: "manual",
    author: "admin@x.io",
    time_queued: queued,
    _deadline: runDeadline(queued, 30),
    ...fields,
  };
}

describe("orphan selection", () => {
  it("reads only the status=new index partition, up to the newest run that can be past its deadline", () => {
    const range = sweepKeyRange(now);
    expect(range.partition).toBe("sys#runs#status=new");
    expect(range.lower).toBe("schd_runs#");
    // 5 min − (1 s shortest timeout + 60 s grace)
    expect(range.upper).toBe("schd_runs#2026-03-01T00:03:59.000Z~");
    expect(`schd_runs#2026-03-01T00:03:59.000Z#some-id` <= range.upper).toBe(true);
    expect(`schd_runs#2026-03-01T00:03:59.001Z#some-id` <= range.upper).toBe(false);
  });

  it("fails manual and api runs past their own deadline, never cron runs, ended runs, runs within their deadline or runs the app wrote", () => {
    const rows = [
      row("manual"),
      row("api", { trigger: "api" }),
      row("cron", { trigger: "cron" }),
      row("long", { _deadline: "2026-03-01T00:10:00.000Z" }),
      row("ended", { status: "failed" }),
      row("app-written"), // no console deadline: the app's run, stuck past the default timeout but not the console's to fail
      { doc_index: "junk" },
      row("manual"),
    ];
    delete rows[5]?._deadline;
    expect(orphansToFail(rows, now)).toEqual(["manual", "api"]);
  });

  it("shows an orphaned run as new, orphaned, with the reason it will be failed for; a stuck cron run only stuck", () => {
    expect(summaryFromItem(row("m"), now)).toMatchObject({ status: "new", stuck: true, orphaned: true, reason: ORPHANED_REASON });
    expect(summaryFromItem(row("c", { trigger: "cron" }), now)).toMatchObject({ status: "new", stuck: true, orphaned: false, reason: null });
    expect(summaryFromItem(row("m"), new Date("2026-03-01T00:01:00.000Z"))).toMatchObject({ stuck: false, orphaned: false, reason: null });
    const appWritten = row("a");
    delete appWritten._deadline;
    expect(summaryFromItem(appWritten, now)).toMatchObject({ status: "new", stuck: true, orphaned: false, reason: null });
  });

  it("jitters the interval by ±20 %", () => {
    expect(nextSweepDelay(60_000, 0)).toBe(48_000);
    expect(nextSweepDelay(60_000, 0.5)).toBe(60_000);
    expect(nextSweepDelay(60_000, 1)).toBe(72_000);
  });
});

describe("the sweep's timer", () => {
  afterEach(() => {
    vi.useRealTimers();
    resetDrainForTests();
  });

  it("sweeps shortly after start, then on the interval without overlap, and stops on drain", async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    const sweep = vi.fn(() => {
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const sweeper = startOrphanSweeps(60_000, sweep, () => 0.5);
    expect(startOrphanSweeps(60_000, sweep, () => 0.5)).toBe(sweeper);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(sweep).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sweep).toHaveBeenCalledTimes(1);
    // Still running: no second sweep however long it takes.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sweep).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sweep).toHaveBeenCalledTimes(2);
    finish();
    await drainBackgroundWork(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sweep).toHaveBeenCalledTimes(2);
    sweeper.stop();
  });

  it("never starts when the interval is 0, and stop() ends it", async () => {
    vi.useFakeTimers();
    const sweep = vi.fn(() => Promise.resolve());
    startOrphanSweeps(0, sweep);
    const sweeper = startOrphanSweeps(1000, sweep, () => 0.5);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sweep).toHaveBeenCalledTimes(1);
    sweeper.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sweep).toHaveBeenCalledTimes(1);
  });
});
