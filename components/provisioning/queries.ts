"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { Checklist, Plan } from "@/lib/provisioning/model";

/** Query keys and hooks for provisioning, in one place. */
export const provisioningKeys = {
  checklist: (env: string) => ["provisioning", env, "checklist"] as const,
  zappa: (env: string) => ["provisioning", env, "zappa"] as const,
};

const base = (env: string) => `/api/environments/${encodeURIComponent(env)}`;

export function useChecklist(env: string) {
  return useQuery({ queryKey: provisioningKeys.checklist(env), queryFn: () => api<Checklist>(`${base(env)}/checklist`), staleTime: 0 });
}

export function usePlan(env: string) {
  return useMutation({ mutationFn: () => api<Plan>(`${base(env)}/plan`, { method: "POST" }) });
}

export function useRevokeSessions(env: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ revokedAt: string }>(`${base(env)}/revoke-sessions`, { method: "POST", body: { confirm: true } }),
    onSuccess: () => client.invalidateQueries({ queryKey: provisioningKeys.checklist(env) }),
  });
}

export function useZappaSettings(env: string, enabled: boolean) {
  return useQuery({ queryKey: provisioningKeys.zappa(env), queryFn: () => api<Record<string, unknown>>(`${base(env)}/zappa-settings`), enabled });
}

export function useCreateInstaller(env: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ accessKeyId: string; secretAccessKey: string; userName: string }>(`${base(env)}/installer`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["environments"] }),
  });
}

export function useRevealSecret(env: string) {
  return useMutation({ mutationFn: () => api<{ accessKeyId: string; secretAccessKey: string }>(`${base(env)}/reveal-secret`, { method: "POST" }) });
}

export function useTestEmail(env: string) {
  return useMutation({ mutationFn: (to: string) => api<{ messageId: string }>(`${base(env)}/test-email`, { method: "POST", body: { to } }) });
}
