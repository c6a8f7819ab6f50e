/**
 * Run durations are counted in fixed log-scale buckets on the per-day aggregate
 * rows (atomic ADD), so p50/p95 come from at most 30 × job types small items
 * instead of from every run. Bucket i holds durations up to BUCKET_BOUNDS_MS[i];
 * the last bucket holds everything longer. Percentiles are therefore upper
 * bounds with at most a factor of two of error, which a chart can live with.
 */
export const BUCKET_BOUNDS_MS: readonly number[] = Array.from({ length: 18 }, (_, i) => 10 * 2 ** i); // 10 ms … ~22 min

export const BUCKET_COUNT = BUCKET_BOUNDS_MS.length + 1;

export function bucketOf(durationMs: number): number {
  const ms = Math.max(0, durationMs);
  const i = BUCKET_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return i === -1 ? BUCKET_BOUNDS_MS.length : i;
}

export function bucketAttribute(index: number): string {
  return `d${String(index).padStart(2, "0")}`;
}

/** The duration (ms) under which a fraction p of the counted runs finished; null without data. */
export function percentileFromBuckets(buckets: readonly number[], p: number): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i] ?? 0;
    if (seen >= rank) {
      const bound = BUCKET_BOUNDS_MS[i];
      // The open last bucket is reported at twice the last bound.
      return bound ?? 2 * (BUCKET_BOUNDS_MS[BUCKET_BOUNDS_MS.length - 1] ?? 0);
    }
  }
  return null;
}

export function addBuckets(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < BUCKET_COUNT; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

export function emptyBuckets(): number[] {
  return Array.from({ length: BUCKET_COUNT }, () => 0);
}
