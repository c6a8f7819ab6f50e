/**
 * The address of a run's page (the jobs dashboard with its drawer open), for
 * the CLI. Without a configured public origin (TT_PUBLIC_ORIGIN) it is the
 * local console's (npm run dev / npm start default). Pure.
 */
export const LOCAL_CONSOLE_ORIGIN = "http://localhost:3000";

export function runPageUrl(origin: string | undefined, env: string, runId: string): string {
  const url = new URL(`/environments/${encodeURIComponent(env)}/jobs`, origin ?? LOCAL_CONSOLE_ORIGIN);
  url.searchParams.set("run", runId);
  return url.toString();
}
