import { describe, expect, it } from "vitest";
import { STALE_MS } from "@/lib/invites/liveness";
import { shownCounts, shownRunState, takeover, type StoredRunState } from "@/lib/invites/run-state";

const now = new Date("2026-11-29T01:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const running = (heartbeatAt: string | null, updatedAt = ago(0)): StoredRunState => ({ status: "running", heartbeatAt, updatedAt, finishedAt: null });

describe("bulk run state as a reader sees it", () => {
  it("a running run with a fresh heartbeat is running", () => {
    expect(shownRunState(running(ago(5_000)), now)).toEqual({ status: "running", stale: false, heartbeatAt: ago(5_000), finishedAt: null });
  });

  it("a running run whose heartbeat went stale is shown interrupted, last seen at its heartbeat, with no end recorded", () => {
    expect(shownRunState(running(ago(STALE_MS + 1_000)), now)).toEqual({ status: "interrupted", stale: true, heartbeatAt: ago(STALE_MS + 1_000), finishedAt: null });
  });

  it("a run without a heartbeat is judged by its last update", () => {
    expect(shownRunState(running(null, ago(1_000)), now).status).toBe("running");
    expect(shownRunState(running(null, ago(STALE_MS + 1)), now)).toMatchObject({ status: "interrupted", stale: true, heartbeatAt: null });
  });

  it("a recorded status is shown as it is, however old its heartbeat", () => {
    for (const status of ["done", "interrupted"] as const) {
      const stored: StoredRunState = { status, heartbeatAt: ago(10 * STALE_MS), updatedAt: ago(10 * STALE_MS), finishedAt: ago(10 * STALE_MS) };
      expect(shownRunState(stored, now)).toEqual({ status, stale: false, heartbeatAt: stored.heartbeatAt, finishedAt: stored.finishedAt });
    }
  });

  it("counters come from the server while it runs and from the rows once nothing runs", () => {
    const stored = { processed: 5, invited: 4, failed: 1 };
    const rows = [{ status: "invited" as const }, { status: "failed" as const }, { status: "invited" as const }];
    expect(shownCounts("running", stored, rows)).toEqual(stored);
    expect(shownCounts("interrupted", stored, rows)).toEqual({ processed: 3, invited: 2, failed: 1 });
    expect(shownCounts("done", stored, [])).toEqual({ processed: 0, invited: 0, failed: 0 });
  });
});

describe("what a resume may take over", () => {
  it("a run recorded interrupted, on condition it still is", () => {
    expect(takeover({ status: "interrupted", heartbeatAt: ago(1_000), updatedAt: ago(1_000), finishedAt: ago(1_000) }, now)).toEqual({ ok: true, expect: { status: "interrupted" } });
  });

  it("a stale running run, on condition its heartbeat did not move since it was read", () => {
    expect(takeover(running(ago(STALE_MS + 1)), now)).toEqual({ ok: true, expect: { status: "running", heartbeatAt: ago(STALE_MS + 1) } });
    expect(takeover(running(null, ago(STALE_MS + 1)), now)).toEqual({ ok: true, expect: { status: "running", heartbeatAt: null } });
  });

  it("not a run whose server is alive, nor a finished one", () => {
    expect(takeover(running(ago(1_000)), now)).toEqual({ ok: false, reason: "running" });
    expect(takeover({ status: "done", heartbeatAt: ago(10 * STALE_MS), updatedAt: ago(10 * STALE_MS), finishedAt: ago(10 * STALE_MS) }, now)).toEqual({ ok: false, reason: "done" });
  });
});
