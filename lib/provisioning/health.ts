import "server-only";
import { listEnvironments } from "@/lib/environments/read";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { computeChecklist } from "@/lib/provisioning/checklist";
import type { EnvironmentHealth } from "@/lib/provisioning/health-model";
import { countStatuses, mapWithConcurrency, summarizeHealth } from "@/lib/provisioning/health-summary";
import { valueOf } from "@/lib/provisioning/probe";
import { readEnvironmentState } from "@/lib/provisioning/read-state";
import { log } from "@/lib/log/logger";

/**
 * Health of every environment for the list page: each checklist read in
 * parallel (at most CONCURRENCY accounts at once, so a long list does not
 * flood AWS) and remembered for CACHE_MS, keyed by the environment's version
 * so an edit is seen at once. `fresh` skips the cache (the Refresh button).
 */
const CONCURRENCY = 4;
const CACHE_MS = 15_000;

const cache = new Map<string, { at: number; value: Promise<EnvironmentHealth> }>();

async function readHealth(env: EnvironmentRecord): Promise<EnvironmentHealth> {
  const readAt = new Date().toISOString();
  try {
    const state = await readEnvironmentState(env);
    const rows = computeChecklist(state);
    const reachable = !(!state.identity.ok && state.identity.reason === "error");
    return {
      environment: env.name,
      status: summarizeHealth(rows, reachable),
      counts: countStatuses(rows),
      accountId: valueOf(state.identity)?.account ?? env.accountId ?? null,
      region: env.region,
      lastAppliedAt: state.record.lastAppliedAt ?? null,
      readAt,
    };
  } catch (err) {
    log.warn("environment health could not be read", { environment: env.name, error: err instanceof Error ? err.name : "unknown" });
    return {
      environment: env.name,
      status: "unreachable",
      counts: countStatuses([]),
      accountId: env.accountId ?? null,
      region: env.region,
      lastAppliedAt: null,
      readAt,
    };
  }
}

function cachedHealth(env: EnvironmentRecord, fresh: boolean): Promise<EnvironmentHealth> {
  const key = `${env.name}@${env.version}`;
  const hit = cache.get(key);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = readHealth(env);
  cache.set(key, { at: Date.now(), value });
  if (cache.size > 500) cache.delete(cache.keys().next().value ?? key);
  return value;
}

export async function environmentsHealth(opts: { fresh?: boolean } = {}): Promise<EnvironmentHealth[]> {
  const envs = await listEnvironments();
  return mapWithConcurrency(envs, CONCURRENCY, (env) => cachedHealth(env, opts.fresh ?? false));
}
