import { describe, expect, it } from "vitest";
import { lostPass, shownPass } from "@/lib/reconcile/pass-state";
import type { Pass } from "@/lib/reconcile/schema";

const base: Pass = {
  id: "p1",
  status: "running",
  phase: "cognito",
  cognitoUsers: 3,
  cognitoEstimate: 10,
  userEntities: 0,
  findings: 0,
  error: null,
  startedAt: "2026-11-29T00:00:00.000Z",
  startedBy: "admin@x.io",
  updatedAt: "2026-11-29T00:00:00.000Z",
  finishedAt: null,
  heartbeatAt: "2026-11-29T00:00:00.000Z",
};

describe("a reconciliation pass as shown", () => {
  it("stays running while its heartbeat is fresh, and reads as interrupted (end not recorded) once stale", () => {
    expect(shownPass(base, new Date("2026-11-29T00:00:30.000Z")).status).toBe("running");
    const shown = shownPass(base, new Date("2026-11-29T00:02:00.000Z"));
    expect(shown).toMatchObject({ status: "interrupted", finishedAt: null, cognitoUsers: 3 });
    expect(lostPass(shown)).toBe(true);
  });

  it("leaves ended passes alone, and a recorded interruption is not lost again", () => {
    const done = { ...base, status: "done" as const, finishedAt: "2026-11-29T00:01:00.000Z" };
    expect(shownPass(done, new Date("2026-11-30T00:00:00.000Z"))).toBe(done);
    expect(lostPass({ ...base, status: "interrupted", finishedAt: "2026-11-29T00:03:00.000Z" })).toBe(false);
    expect(lostPass(null)).toBe(false);
  });
});
