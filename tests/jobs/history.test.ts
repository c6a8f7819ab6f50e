import { describe, expect, it } from "vitest";
import { generateRuns, historyItems } from "@/lib/jobs/history";
import { lastDays, summarizeStats, type StatsItem } from "@/lib/jobs/stats";

const jobs = [
  { id: "a", name: "A", failureRate: 0.1, medianMs: 100 },
  { id: "b", name: "B", failureRate: 0.5, medianMs: 2000 },
];
const now = new Date("2026-03-31T12:00:00Z");

describe("generated history", () => {
  it("is deterministic and its aggregate rows agree with its runs", () => {
    const runs = generateRuns(jobs, { count: 500, days: 60, now });
    expect(generateRuns(jobs, { count: 500, days: 60, now })).toEqual(runs);
    expect(new Set(runs.map((r) => r._id)).size).toBe(500);
    const items = historyItems(runs);
    expect(items.filter((i) => i.portfolio_index === "sys").length).toBe(500);
    expect(items.filter((i) => String(i.portfolio_index).startsWith("sys#runs#")).length).toBe(2500);
    const stats = summarizeStats(items.filter((i) => i.portfolio_index === "sys#runstats") as StatsItem[], lastDays(now, 61), new Map());
    const total = stats.days.reduce((n, d) => n + d.executed + d.failed + d.new, 0);
    expect(total).toBe(500);
    expect(stats.days.reduce((n, d) => n + d.failed, 0)).toBe(runs.filter((r) => r.status === "failed").length);
    const b = stats.jobs.find((j) => j.jobId === "b");
    expect(b?.failureRate).toBeGreaterThan(0.3);
  });

  it("can make a rare status for the bench", () => {
    const runs = generateRuns(jobs, { count: 2000, days: 60, now, rareStatus: { status: "new", share: 0.01 } });
    const rare = runs.filter((r) => r.status === "new").length;
    expect(rare).toBeGreaterThan(5);
    expect(rare).toBeLessThan(60);
  });
});
