/**
 * Long runs (bulk invites, reconciliation passes) go on after the request
 * that started them, in the server process that started them. That process
 * writes a heartbeat on the run while it works; a run still "running" whose
 * heartbeat is older than STALE_MS lost its process (a console restart, a
 * crash) and is shown as interrupted. Pure.
 */
export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 60_000;

export function isStale(heartbeatAt: string | undefined, now: Date = new Date()): boolean {
  const beat = heartbeatAt ? Date.parse(heartbeatAt) : NaN;
  // A run without a readable heartbeat was written before heartbeats existed, or by a process that never beat.
  return !Number.isFinite(beat) || now.getTime() - beat > STALE_MS;
}
