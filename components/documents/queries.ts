"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { DocumentBlueprint, DocumentPage, DocumentView, SourcePage } from "@/lib/documents/schema";

/** Query keys, hooks and the source search of the documents pages, in one place. */
export type DocsRef = { env: string; portfolio: string; blueprint: string };
export type DocumentFilters = { q?: string; folder?: string; near?: string; radius?: string; cursor?: string };

const enc = encodeURIComponent;
const docsPath = (r: DocsRef) => `/api/environments/${enc(r.env)}/portfolios/${enc(r.portfolio)}/docs/${enc(r.blueprint)}`;

export const documentKeys = {
  all: (r: DocsRef) => ["documents", r.env, r.portfolio, r.blueprint] as const,
  page: (r: DocsRef, filters: DocumentFilters) => [...documentKeys.all(r), "page", filters] as const,
  detail: (r: DocsRef, id: string) => [...documentKeys.all(r), "doc", id] as const,
  blueprint: (env: string, blueprint: string, irn?: string, version?: string) => ["document-blueprint", env, blueprint, irn ?? "", version ?? ""] as const,
};

function queryString(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, v);
  return params.size ? `?${params.toString()}` : "";
}

export function useDocumentsPage(r: DocsRef, filters: DocumentFilters) {
  return useQuery({
    queryKey: documentKeys.page(r, filters),
    // The root folder is "/" on the wire: an empty parameter would mean "not browsing folders".
    queryFn: () => api<DocumentPage>(`${docsPath(r)}${queryString({ ...filters, folder: filters.folder === "" ? "/" : filters.folder })}`),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(r: DocsRef, id: string) {
  return useQuery({ queryKey: documentKeys.detail(r, id), queryFn: () => api<DocumentView>(`${docsPath(r)}/${enc(id)}`) });
}

/** The blueprint version a form renders: the one new documents use, or the one a stored document names. */
export function useDocumentBlueprint(env: string, blueprint: string, named?: { irn: string; version: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: documentKeys.blueprint(env, blueprint, named?.irn, named?.version),
    queryFn: () => api<DocumentBlueprint>(`/api/environments/${enc(env)}/document-blueprints/${enc(blueprint)}${queryString({ irn: named?.irn, version: named?.version })}`),
    staleTime: 60_000,
  });
}

export type DocumentInput = { values: Record<string, unknown>; path?: string };

export function useCreateDocument(r: DocsRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentInput) => api<DocumentView>(docsPath(r), { method: "POST", body: input }),
    onSuccess: (doc) => {
      client.setQueryData(documentKeys.detail(r, doc.id), doc);
      return client.invalidateQueries({ queryKey: [...documentKeys.all(r), "page"] });
    },
  });
}

export function useUpdateDocument(r: DocsRef, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentInput & { revision: number }) => api<DocumentView>(`${docsPath(r)}/${enc(id)}`, { method: "PUT", body: input }),
    onSuccess: (doc) => {
      client.setQueryData(documentKeys.detail(r, id), doc);
      return client.invalidateQueries({ queryKey: [...documentKeys.all(r), "page"] });
    },
  });
}

export function useDeleteDocument(r: DocsRef, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) => api<void>(`${docsPath(r)}/${enc(id)}?revision=${revision}`, { method: "DELETE" }),
    onSuccess: () => {
      client.removeQueries({ queryKey: documentKeys.detail(r, id) });
      return client.invalidateQueries({ queryKey: [...documentKeys.all(r), "page"] });
    },
  });
}

/** The BlueprintForm's source search for documents of this environment and portfolio (React Query caches the pages). */
export function sourceSearchFor(env: string, portfolio: string) {
  return (blueprint: string, valueField: string, labelField: string, query: string, cursor: string | null) =>
    api<SourcePage>(
      `/api/environments/${enc(env)}/portfolios/${enc(portfolio)}/sources/${enc(blueprint)}${queryString({ value: valueField, label: labelField, q: query.trim() || undefined, cursor: cursor ?? undefined })}`,
    );
}

export function documentsHref(r: DocsRef, rest = ""): string {
  return `/environments/${enc(r.env)}/portfolios/${enc(r.portfolio)}/docs/${enc(r.blueprint)}${rest}`;
}

export function exportHref(r: DocsRef, format: "json" | "jsonld"): string {
  return `/api/environments/${enc(r.env)}/portfolios/${enc(r.portfolio)}/exports/${enc(r.blueprint)}?format=${format}`;
}
