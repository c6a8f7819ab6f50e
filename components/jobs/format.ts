/** Display helpers of the job dashboard. Isomorphic and pure. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "—";
}

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;
}

/** Output shown as pretty JSON when it is JSON, else as text. */
export function prettyOutput(output: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(output), null, 2), json: true };
  } catch {
    return { text: output, json: false };
  }
}

export const STATUS_STYLE: Record<string, string> = {
  new: "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100",
  executed: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
};
