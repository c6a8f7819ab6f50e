import { describe, expect, it } from "vitest";
import { countStatuses, mapWithConcurrency, summarizeHealth } from "@/lib/provisioning/health-summary";
import { STEP_IDS, type StepStatus } from "@/lib/provisioning/model";

const rows = (overrides: Record<string, StepStatus> = {}, base: StepStatus = "done") => STEP_IDS.map((id) => ({ id, status: overrides[id] ?? base }));

describe("summarizeHealth", () => {
  it("is green when every step is done", () => {
    expect(summarizeHealth(rows(), true)).toBe("green");
  });
  it("the worst state wins: unreachable, blocked, drifted", () => {
    expect(summarizeHealth(rows({ "3": "drifted", "5": "blocked" }), true)).toBe("blocked");
    expect(summarizeHealth(rows({ "4": "drifted", "7": "manual" }), true)).toBe("drifted");
    expect(summarizeHealth(rows(), false)).toBe("unreachable");
  });
  it("tells a never-provisioned environment from one with steps left", () => {
    expect(summarizeHealth(rows({ "1": "manual", "2": "manual", "7": "manual", "9": "manual" }, "missing"), true)).toBe("not-provisioned");
    expect(summarizeHealth(rows({ "8": "missing" }), true)).toBe("incomplete");
    expect(summarizeHealth(rows({ "7": "manual" }), true)).toBe("manual");
  });
  it("counts every status", () => {
    expect(countStatuses(rows({ "1": "manual", "3": "missing" }))).toEqual({ done: 11, missing: 1, drifted: 0, blocked: 0, manual: 1 });
  });
});

describe("mapWithConcurrency", () => {
  it("keeps order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });
  it("handles an empty list", async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});
