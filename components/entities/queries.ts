"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { Entity, EntityDetail, EntityPage, EntityType, MemberRole } from "@/lib/entities/schema";

/** Query keys and hooks for entities and memberships of one environment. */
export const entityKeys = {
  all: (env: string) => ["entities", env] as const,
  list: (env: string, params: Record<string, string>) => ["entities", env, "list", params] as const,
  detail: (env: string, type: string, id: string) => ["entities", env, "detail", type, id] as const,
};

const base = (env: string) => `/api/environments/${encodeURIComponent(env)}`;

export function useEntityPage(env: string, params: { type: EntityType; q?: string; by?: string; order?: string; cursor?: string; limit?: number }) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, String(v));
  return useQuery({
    queryKey: entityKeys.list(env, Object.fromEntries(search)),
    queryFn: ({ signal }) => api<EntityPage>(`${base(env)}/entities?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEntity(env: string, type: string, id: string) {
  return useQuery({ queryKey: entityKeys.detail(env, type, id), queryFn: () => api<EntityDetail>(`${base(env)}/entities/${type}/${id}`) });
}

export function useCreateEntity(env: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => api<Entity>(`${base(env)}/entities`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: entityKeys.all(env) }),
  });
}

export function useUpdateEntity(env: string, type: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => api<Entity>(`${base(env)}/entities/${type}/${id}`, { method: "PATCH", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: entityKeys.all(env) }),
  });
}

export function useEntityAction(env: string, type: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: "archive"; archived: boolean; version: number } | { kind: "active"; active: boolean }) =>
      action.kind === "archive"
        ? api<Entity>(`${base(env)}/entities/${type}/${id}/archive`, { method: "POST", body: { archived: action.archived, version: action.version } })
        : api<Entity>(`${base(env)}/users/${id}/active`, { method: "POST", body: { active: action.active } }),
    onSuccess: () => client.invalidateQueries({ queryKey: entityKeys.all(env) }),
  });
}

export function useMembership(env: string, groupType: string, groupId: string) {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries({ queryKey: entityKeys.all(env) });
  const add = useMutation({
    mutationFn: (input: { memberId: string; role: MemberRole }) =>
      api<void>(`${base(env)}/teams/${groupId}/members`, { method: "POST", body: { ...input, groupType } }),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (memberId: string) => api<void>(`${base(env)}/teams/${groupId}/members?memberId=${encodeURIComponent(memberId)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
  return { add, remove };
}
