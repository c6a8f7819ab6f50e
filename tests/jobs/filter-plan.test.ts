import { describe, expect, it } from "vitest";
import { cursorFitsPlan, planRunFilter, runIndexPartitions } from "@/lib/jobs/filter-plan";

describe("run filter key plan", () => {
  it("reads the all-runs partition without filters, bounded by the time range", () => {
    const plan = planRunFilter({ from: "2026-01-01T00:00:00.000Z", to: "2026-01-31T00:00:00.000Z" });
    expect(plan).toMatchObject({ partition: "sys#runs#all", dimension: "all", residual: [] });
    expect(plan.lower).toBe("schd_runs#2026-01-01T00:00:00.000Z");
    expect("schd_runs#2026-01-31T00:00:00.000Z#0d3c" <= plan.upper).toBe(true);
    expect("schd_runs#2026-01-31T00:00:00.001Z#0d3c" > plan.upper).toBe(true);
  });

  it("uses the only filter's partition with nothing left to filter", () => {
    expect(planRunFilter({ status: "failed" })).toMatchObject({ partition: "sys#runs#status=failed", residual: [] });
  });

  it("prefers the most selective dimension by estimate and filters the rest", () => {
    const plan = planRunFilter({ status: "failed", job: "j1", trigger: "cron" }, { status: 12, job: 4000 });
    expect(plan.partition).toBe("sys#runs#status=failed");
    expect(plan.residual).toEqual([
      { attribute: "schd_jobs_id", value: "j1" },
      { attribute: "trigger", value: "cron" },
    ]);
  });

  it("falls back to author, job, status, trigger without estimates", () => {
    expect(planRunFilter({ status: "new", trigger: "api", author: "a@x.io" }).dimension).toBe("author");
    expect(planRunFilter({ status: "new", trigger: "api" }).dimension).toBe("status");
  });

  it("lists the five index partitions of a run", () => {
    expect(runIndexPartitions({ status: "new", schd_jobs_id: "j", trigger: "manual", author: "a@x.io" })).toEqual([
      "sys#runs#all",
      "sys#runs#status=new",
      "sys#runs#job=j",
      "sys#runs#trigger=manual",
      "sys#runs#author=a@x.io",
    ]);
  });

  it("accepts only cursors inside the plan's partition and range", () => {
    const plan = planRunFilter({ status: "failed", from: "2026-01-01T00:00:00.000Z" });
    expect(cursorFitsPlan(plan, { portfolio_index: "sys#runs#status=failed", doc_index: "schd_runs#2026-02-01T00:00:00.000Z#x" })).toBe(true);
    expect(cursorFitsPlan(plan, { portfolio_index: "sys#runs#all", doc_index: "schd_runs#2026-02-01T00:00:00.000Z#x" })).toBe(false);
    expect(cursorFitsPlan(plan, { portfolio_index: "sys#runs#status=failed", doc_index: "schd_runs#2025-02-01T00:00:00.000Z#x" })).toBe(false);
    expect(cursorFitsPlan(plan, { portfolio_index: "sys#runs#status=failed", doc_index: 5 })).toBe(false);
    expect(cursorFitsPlan(plan, { portfolio_index: "sys#runs#status=failed", doc_index: "schd_runs#2026-02-01", extra: 1 })).toBe(false);
  });
});
