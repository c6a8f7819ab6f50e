import { describe, expect, it } from "vitest";
import { isStale, STALE_MS } from "@/lib/invites/liveness";

describe("run liveness", () => {
  const now = new Date("2026-11-28T22:00:00.000Z");
  it("a heartbeat within STALE_MS is alive, an older one is stale", () => {
    expect(isStale(new Date(now.getTime() - STALE_MS + 1_000).toISOString(), now)).toBe(false);
    expect(isStale(new Date(now.getTime() - STALE_MS - 1_000).toISOString(), now)).toBe(true);
  });
  it("a run without a readable heartbeat is stale", () => {
    expect(isStale(undefined, now)).toBe(true);
    expect(isStale("not a date", now)).toBe(true);
  });
});
