"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { BlueprintDiff } from "@/lib/blueprints/diff";
import type { BlueprintDocument, BlueprintSummary, ImpactView, StoredBlueprint, VersionSummary } from "@/lib/blueprints/schema";
import type { Bump } from "@/lib/blueprints/versions";

/** Query keys and hooks for blueprints, in one place. */
export const blueprintKeys = {
  list: (env: string) => ["blueprints", env] as const,
  versions: (env: string, irn: string) => ["blueprints", env, irn, "versions"] as const,
  version: (env: string, irn: string, version: string) => ["blueprints", env, irn, "version", version] as const,
  diff: (env: string, irn: string, from: string, to: string) => ["blueprints", env, irn, "diff", from, to] as const,
  impact: (env: string, irn: string, version: string, against: string) => ["blueprints", env, irn, "impact", version, against] as const,
};

const e = encodeURIComponent;
export const blueprintsPath = (env: string) => `/api/environments/${e(env)}/blueprints`;
export const versionsPath = (env: string, irn: string) => `${blueprintsPath(env)}/${e(irn)}/versions`;
export const versionPath = (env: string, irn: string, version: string) => `${versionsPath(env, irn)}/${e(version)}`;

export function useBlueprints(env: string) {
  return useQuery({
    queryKey: blueprintKeys.list(env),
    queryFn: () => api<{ items: BlueprintSummary[] }>(blueprintsPath(env)).then((r) => r.items),
  });
}

export function useVersions(env: string, irn: string) {
  return useQuery({
    queryKey: blueprintKeys.versions(env, irn),
    queryFn: () => api<{ items: VersionSummary[] }>(versionsPath(env, irn)).then((r) => r.items),
  });
}

export function useBlueprintVersion(env: string, irn: string, version: string | undefined) {
  return useQuery({
    queryKey: blueprintKeys.version(env, irn, version ?? ""),
    queryFn: () => api<StoredBlueprint>(versionPath(env, irn, version ?? "")),
    enabled: Boolean(version),
  });
}

export function useDiff(env: string, irn: string, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: blueprintKeys.diff(env, irn, from ?? "", to ?? ""),
    queryFn: () => api<BlueprintDiff>(`${blueprintsPath(env)}/${e(irn)}/diff?from=${e(from ?? "")}&to=${e(to ?? "")}`),
    enabled: Boolean(from && to && from !== to),
  });
}

export function useImpact(env: string, irn: string, version: string, against: string | undefined) {
  return useQuery({
    queryKey: blueprintKeys.impact(env, irn, version, against ?? ""),
    queryFn: () => api<ImpactView>(`${versionPath(env, irn, version)}/impact${against ? `?against=${e(against)}` : ""}`),
    enabled: Boolean(against),
  });
}

/** After any write: the list, the versions and the written version are fresh again. */
function useRefresh(env: string) {
  const client = useQueryClient();
  return (saved: StoredBlueprint) => {
    client.setQueryData(blueprintKeys.version(env, saved.irn, saved.version), saved);
    return Promise.all([
      client.invalidateQueries({ queryKey: blueprintKeys.list(env), exact: true }),
      client.invalidateQueries({ queryKey: blueprintKeys.versions(env, saved.irn) }),
    ]);
  };
}

export function useCreateBlueprint(env: string) {
  const refresh = useRefresh(env);
  return useMutation({
    mutationFn: (input: { document: BlueprintDocument; verbatim: boolean }) => api<StoredBlueprint>(blueprintsPath(env), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useImportBlueprint(env: string) {
  const refresh = useRefresh(env);
  return useMutation({
    mutationFn: (input: { text: string; verbatim: boolean }) => api<StoredBlueprint>(`${blueprintsPath(env)}/import`, { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useStartVersion(env: string, irn: string) {
  const refresh = useRefresh(env);
  return useMutation({
    mutationFn: (input: { from: string; bump: Bump; document?: BlueprintDocument }) => api<StoredBlueprint>(versionsPath(env, irn), { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useSaveDraft(env: string, irn: string, version: string) {
  const refresh = useRefresh(env);
  return useMutation({
    mutationFn: (input: { document: BlueprintDocument; revision: number }) => api<StoredBlueprint>(versionPath(env, irn, version), { method: "PUT", body: input }),
    onSuccess: refresh,
  });
}

export function usePublish(env: string, irn: string, version: string) {
  const refresh = useRefresh(env);
  return useMutation({
    mutationFn: (revision: number) => api<StoredBlueprint>(`${versionPath(env, irn, version)}/publish`, { method: "POST", body: { revision } }),
    onSuccess: refresh,
  });
}

export function useDeleteDraft(env: string, irn: string, version: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) => api<void>(`${versionPath(env, irn, version)}?revision=${revision}`, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: blueprintKeys.list(env), exact: true }),
        client.invalidateQueries({ queryKey: blueprintKeys.versions(env, irn) }),
      ]),
  });
}
