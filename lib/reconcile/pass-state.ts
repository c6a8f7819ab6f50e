import { isStale } from "@/lib/invites/liveness";
import type { Pass } from "@/lib/reconcile/schema";

/**
 * What a pass shows: one stored as running whose heartbeat went stale lost its server, and reads as
 * interrupted (its `finishedAt` stays null: nothing recorded its end). Reads only derive this; starting the
 * next pass records it. Pure.
 */
export function shownPass(pass: Pass, now: Date): Pass {
  if (pass.status !== "running" || !isStale(pass.heartbeatAt ?? pass.updatedAt, now)) return pass;
  return { ...pass, status: "interrupted" };
}

/** A pass shown interrupted that storage still holds as running (so its end is not recorded yet). */
export function lostPass(pass: Pass | null | undefined): pass is Pass {
  return pass?.status === "interrupted" && pass.finishedAt === null;
}
