"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { AuditPage, AuditRecord } from "@/lib/audit/schema";

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

/** One record, for a linked detail view whose record is not on the page shown. */
export function useAuditRecord(id: string | null, at: string | null, known: AuditRecord | undefined) {
  return useQuery({
    queryKey: ["audit", "record", id, at] as const,
    queryFn: () => api<AuditRecord>(`/api/audit/${encodeURIComponent(id ?? "")}?at=${encodeURIComponent(at ?? "")}`),
    enabled: Boolean(id && at && !known),
    initialData: known,
  });
}
