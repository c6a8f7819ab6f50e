"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type {
  ConnectionResult,
  Environment,
  EnvironmentCreateInput,
  EnvironmentUpdateInput,
} from "@/lib/environments/schema";
import type { EnvironmentHealth } from "@/lib/provisioning/health-model";

/** Query keys and hooks for the environment registry, in one place. */
export const environmentKeys = {
  all: ["environments"] as const,
  detail: (name: string) => ["environments", name] as const,
};

export function useEnvironments(enabled = true) {
  return useQuery({
    queryKey: environmentKeys.all,
    queryFn: () => api<{ items: Environment[] }>("/api/environments").then((r) => r.items),
    enabled,
  });
}

export function useEnvironment(name: string) {
  return useQuery({
    queryKey: environmentKeys.detail(name),
    queryFn: () => api<Environment>(`/api/environments/${encodeURIComponent(name)}`),
  });
}

export function useCreateEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EnvironmentCreateInput) => api<Environment>("/api/environments", { method: "POST", body: input }),
    onSuccess: (env) => {
      client.setQueryData(environmentKeys.detail(env.name), env);
      return client.invalidateQueries({ queryKey: environmentKeys.all, exact: true });
    },
  });
}

export function useUpdateEnvironment(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EnvironmentUpdateInput) =>
      api<Environment>(`/api/environments/${encodeURIComponent(name)}`, { method: "PATCH", body: input }),
    onSuccess: (env) => {
      client.setQueryData(environmentKeys.detail(name), env);
      return client.invalidateQueries({ queryKey: environmentKeys.all, exact: true });
    },
  });
}

export function useDeleteEnvironment(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api<void>(`/api/environments/${encodeURIComponent(name)}?version=${version}`, { method: "DELETE" }),
    onSuccess: () => {
      client.removeQueries({ queryKey: environmentKeys.detail(name) });
      return client.invalidateQueries({ queryKey: environmentKeys.all, exact: true });
    },
  });
}

export function useTestConnection(name: string) {
  return useMutation({
    mutationFn: () =>
      api<ConnectionResult>(`/api/environments/${encodeURIComponent(name)}/test-connection`, { method: "POST" }),
  });
}

/** Every environment's checklist at a glance (read server-side in parallel, cached briefly). */
export function useEnvironmentHealth(fresh = false) {
  return useQuery({
    queryKey: [...environmentKeys.all, "health", fresh] as const,
    queryFn: () => api<{ items: EnvironmentHealth[] }>(`/api/environment-health${fresh ? "?fresh=1" : ""}`).then((r) => r.items),
    staleTime: 15_000,
  });
}
