"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { BulkProgress, JobOverview, JobType, JobTypeInput, RunDetail, RunStats, RunSummary } from "@/lib/jobs/schema";
import type { TokenCreateInput } from "@/lib/jobs/token-operations";
import { requestKey, type RunFilters } from "@/components/jobs/paging";

/** Queries and mutations of the job dashboard, with their keys in one place. */
export type { RunFilters };
/** `request` is the filters and cursor the page answered (see paging.ts), added on the client. */
export type RunPage = { items: RunSummary[]; nextCursor: string | null; scanned: number; request: string };
export type ApiTokenView = { id: string; name: string; environment: string; role: "admin" | "viewer"; owner: string; createdAt: string; expiresAt: string; lastUsedAt: string | null; revokedAt: string | null };

const base = (env: string) => `/api/environments/${encodeURIComponent(env)}`;

export const jobKeys = {
  all: (env: string) => ["jobs", env] as const,
  overview: (env: string) => ["jobs", env, "overview"] as const,
  runs: (env: string, filters: RunFilters) => ["jobs", env, "runs", filters] as const,
  run: (env: string, id: string) => ["jobs", env, "run", id] as const,
  stats: (env: string) => ["jobs", env, "stats"] as const,
  bulk: (env: string, id: string) => ["jobs", env, "bulk", id] as const,
  tokens: (env: string) => ["tokens", env] as const,
  schedule: (env: string, expression: string) => ["jobs", env, "schedule", expression] as const,
};

/**
 * Live updates by polling that never overlaps: TanStack Query does not start a
 * refetch while one is in flight, and the interval grows when the tab is
 * hidden (and is short while runs are still new).
 */
function liveInterval(active: boolean) {
  return () => (typeof document !== "undefined" && document.hidden ? 60_000 : active ? 2_000 : 10_000);
}

export function useJobsOverview(env: string) {
  return useQuery({
    queryKey: jobKeys.overview(env),
    queryFn: () => api<JobOverview>(`${base(env)}/jobs`),
    refetchInterval: liveInterval(false),
    refetchIntervalInBackground: true,
  });
}

export function useRuns(env: string, filters: RunFilters) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return useQuery({
    queryKey: jobKeys.runs(env, filters),
    queryFn: async (): Promise<RunPage> => ({
      ...(await api<Omit<RunPage, "request">>(`${base(env)}/runs?${params.toString()}`)),
      request: requestKey(filters),
    }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => liveInterval(Boolean(query.state.data?.items.some((r) => r.status === "new")))(),
    refetchIntervalInBackground: true,
  });
}

export function useRun(env: string, id: string | undefined) {
  return useQuery({
    queryKey: jobKeys.run(env, id ?? ""),
    queryFn: () => api<RunDetail>(`${base(env)}/runs/${encodeURIComponent(id ?? "")}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === "new" ? 1_500 : false),
  });
}

export function useRunStats(env: string) {
  return useQuery({
    queryKey: jobKeys.stats(env),
    queryFn: () => api<RunStats>(`${base(env)}/runs/stats?days=30`),
    // Aggregates move slowly; a minute is live enough for the charts.
    refetchInterval: 60_000,
  });
}

export function useScheduleCheck(env: string, expression: string) {
  return useQuery({
    queryKey: jobKeys.schedule(env, expression),
    queryFn: () => api<{ ok: boolean; message: string | null; next: string[] }>(`${base(env)}/jobs/schedule?expression=${encodeURIComponent(expression)}`),
    enabled: expression.trim().length > 0,
    staleTime: 30_000,
  });
}

function useInvalidateJobs(env: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: jobKeys.all(env) });
}

export function useTriggerRun(env: string) {
  const invalidate = useInvalidateJobs(env);
  return useMutation({
    mutationFn: (input: { job: string; params: Record<string, unknown>; idempotencyKey: string; rerunOf?: string }) =>
      api<RunDetail>(`${base(env)}/runs`, { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useMarkFailed(env: string) {
  const invalidate = useInvalidateJobs(env);
  return useMutation({
    mutationFn: (input: { id: string; reason?: string }) => api<RunDetail>(`${base(env)}/runs/${input.id}/fail`, { method: "POST", body: { reason: input.reason } }),
    onSuccess: invalidate,
  });
}

export function useSaveJobType(env: string, id?: string) {
  const invalidate = useInvalidateJobs(env);
  return useMutation({
    mutationFn: (input: JobTypeInput & { revision?: number }) =>
      id ? api<JobType>(`${base(env)}/jobs/${id}`, { method: "PUT", body: input }) : api<JobType>(`${base(env)}/jobs`, { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useRerunFailed(env: string) {
  return useMutation({
    mutationFn: (filters: Omit<RunFilters, "cursor" | "status">) => api<BulkProgress>(`${base(env)}/runs/rerun-failed`, { method: "POST", body: filters }),
  });
}

export function useBulkProgress(env: string, id: string | undefined) {
  const invalidate = useInvalidateJobs(env);
  return useQuery({
    queryKey: jobKeys.bulk(env, id ?? ""),
    queryFn: async () => {
      const progress = await api<BulkProgress>(`${base(env)}/runs/rerun-failed/${id ?? ""}`);
      if (progress.state !== "running") void invalidate();
      return progress;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.state === "running" || !query.state.data ? 1_500 : false),
  });
}

export function useTokens(env: string) {
  return useQuery({ queryKey: jobKeys.tokens(env), queryFn: () => api<{ items: ApiTokenView[] }>(`${base(env)}/tokens`).then((r) => r.items) });
}

export function useCreateToken(env: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenCreateInput) => api<{ token: string; record: ApiTokenView }>(`${base(env)}/tokens`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.tokens(env) }),
  });
}

export function useRevokeToken(env: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`${base(env)}/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.tokens(env) }),
  });
}
