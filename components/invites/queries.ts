"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { Invite, InviteCreate, InvitePage } from "@/lib/invites/schema";
import type { BulkPreview, BulkRun, BulkRunHead } from "@/lib/invites/bulk-schema";
import { entityKeys } from "@/components/entities/queries";

export const inviteKeys = {
  all: (env: string) => ["invites", env] as const,
  ledger: (env: string, cursor: string | undefined) => ["invites", env, "ledger", cursor ?? ""] as const,
  run: (env: string, id: string) => ["invites", env, "run", id] as const,
  runs: (env: string) => ["invites", env, "runs"] as const,
};

const base = (env: string) => `/api/environments/${encodeURIComponent(env)}/invites`;

export function useLedger(env: string, cursor?: string) {
  return useQuery({
    queryKey: inviteKeys.ledger(env, cursor),
    queryFn: () => api<InvitePage>(`${base(env)}?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
  });
}

export function useInvite(env: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteCreate) => api<Invite>(base(env), { method: "POST", body: input }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: inviteKeys.all(env) }), client.invalidateQueries({ queryKey: entityKeys.all(env) })]),
  });
}

export function useInviteAction(env: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "retry" | "resend" | "revoke" }) => api<Invite>(`${base(env)}/${id}/${action}`, { method: "POST" }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: inviteKeys.all(env) }), client.invalidateQueries({ queryKey: entityKeys.all(env) })]),
  });
}

export function useBulkInvite(env: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { csv: string; dryRun: boolean; acceptQuota: boolean }) =>
      api<{ preview: BulkPreview; run: BulkRun | null }>(`${base(env)}/bulk`, { method: "POST", body: input }),
    onSuccess: (out) => (out.run ? client.invalidateQueries({ queryKey: inviteKeys.runs(env) }) : undefined),
  });
}

export function useResumeBulkRun(env: string, id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<BulkRun>(`${base(env)}/bulk/${id}/resume`, { method: "POST" }),
    onSuccess: (run) => {
      client.setQueryData(inviteKeys.run(env, run.id), run);
      return client.invalidateQueries({ queryKey: inviteKeys.runs(env) });
    },
  });
}

/** Polls a run until it is done; the run lives on the server, so reopening the page picks it up again. */
export function useBulkRun(env: string, id: string | undefined) {
  return useQuery({
    queryKey: inviteKeys.run(env, id ?? ""),
    queryFn: () => api<BulkRun>(`${base(env)}/bulk/${id}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data?.status === "running" || !q.state.data ? 1_000 : false),
  });
}

/** The latest runs, so a run started in a tab since closed is found again. */
export function useBulkRuns(env: string) {
  return useQuery({
    queryKey: inviteKeys.runs(env),
    queryFn: () => api<{ items: BulkRunHead[] }>(`${base(env)}/bulk`),
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === "running") ? 2_000 : false),
  });
}
