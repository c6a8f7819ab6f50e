/**
 * Pacing and backoff for bulk invites, pure (time is injected). The pacer
 * spaces starts to stay below a rate (SES MaxSendRate with headroom); the
 * backoff grows exponentially with full jitter.
 */
export class Pacer {
  private next = 0;
  constructor(private readonly perSecond: number, private readonly now: () => number = Date.now) {}

  /** Milliseconds the caller must wait before its start; reserves the slot. */
  reserve(): number {
    if (!Number.isFinite(this.perSecond) || this.perSecond <= 0) return 0;
    const t = this.now();
    const at = Math.max(t, this.next);
    this.next = at + 1000 / this.perSecond;
    return at - t;
  }
}

export function backoffMs(attempt: number, baseMs = 200, capMs = 10_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Sends per second to aim for: 80 % of the account's rate, at least one. */
export function targetRate(maxSendRate: number | undefined): number {
  if (!maxSendRate || maxSendRate <= 0) return 1;
  return Math.max(1, maxSendRate * 0.8);
}

export type QuotaCheck = { max24h: number; sentLast24h: number; remaining: number; wouldExceed: boolean };

export function quotaCheck(max24h: number, sentLast24h: number, planned: number): QuotaCheck {
  // Max24HourSend = -1 means unlimited.
  const remaining = max24h < 0 ? Number.POSITIVE_INFINITY : Math.max(0, max24h - sentLast24h);
  return { max24h, sentLast24h, remaining: Number.isFinite(remaining) ? remaining : -1, wouldExceed: planned > remaining };
}
