"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { AuditPage } from "@/lib/audit/schema";

export type AuditFilters = { environment?: string; actor?: string; action?: string; outcome?: string; cursor?: string };

export const auditKeys = {
  page: (filters: AuditFilters) => ["audit", filters] as const,
};

export function useAuditPage(filters: AuditFilters) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return useQuery({
    queryKey: auditKeys.page(filters),
    queryFn: () => api<AuditPage>(`/api/audit?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}
