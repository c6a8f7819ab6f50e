"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { displayValue, hasGeo, modelFromDocument, summaryFields } from "@/components/documents/display";
import { FolderTrail } from "@/components/documents/folder-trail";
import {
  documentsHref,
  exportHref,
  useDocumentBlueprint,
  useDocumentsPage,
  type DocsRef,
  type DocumentFilters,
} from "@/components/documents/queries";

type Mode = "newest" | "folders" | "near";
const KEYS = ["q", "folder", "near", "radius", "cursor"] as const;
const RADII = [["100", "100 m"], ["1000", "1 km"], ["10000", "10 km"], ["100000", "100 km"], ["1000000", "1,000 km"]] as const;
const link = "rounded-md px-3 py-1.5 text-sm font-medium";

/** Documents of one blueprint: newest first, by folder, or near a point. Filters and cursor live in the URL. */
export function DocumentList(ref: DocsRef) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const filters: DocumentFilters = {};
  for (const key of KEYS) {
    const value = search.get(key);
    if (value !== null && (value || key === "folder")) filters[key] = value;
  }
  const mode: Mode = filters.near ? "near" : filters.folder !== undefined ? "folders" : search.get("mode") === "near" ? "near" : "newest";
  const blueprint = useDocumentBlueprint(ref.env, ref.blueprint);
  const model = useMemo(() => (blueprint.data ? modelFromDocument(blueprint.data.blueprint, blueprint.data.languages) : null), [blueprint.data]);
  const page = useDocumentsPage(ref, filters);
  const [history, setHistory] = useState<string[]>([]);
  const languages = blueprint.data?.languages ?? ["en"];
  const columns = model ? summaryFields(model) : [];

  function navigate(next: DocumentFilters & { mode?: string }) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && (v !== "" || k === "folder")) params.set(k, v);
    router.replace(`${pathname}${params.size ? `?${params.toString()}` : ""}`);
  }

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "").trim() || undefined;
    setHistory([]);
    if (mode === "near") navigate({ q: text("q"), near: text("near"), radius: text("radius"), mode: "near" });
    else navigate({ q: text("q"), folder: filters.folder });
  }

  const title = (model?.label || ref.blueprint) + " documents";
  return (
    <>
      <PageHeader
        title={title}
        description={<>Blueprint <span className="font-mono">{ref.blueprint}</span>{blueprint.data ? ` ${blueprint.data.version}` : ""} · portfolio <span className="font-mono">{ref.portfolio}</span> · environment {ref.env}</>}
        actions={
          <>
            <a href={exportHref(ref, "json")} className={`${link} border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800`} download>Export JSON</a>
            <a href={exportHref(ref, "jsonld")} className={`${link} border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800`} download>Export JSON-LD</a>
            <Link href={documentsHref(ref, "/new")} className={`${link} bg-blue-700 text-white hover:bg-blue-800`}>New document</Link>
          </>
        }
      />
      <nav aria-label="How to list documents" className="mb-4 flex flex-wrap gap-2">
        {([["newest", "Newest first"], ["folders", "Folders"], ...(model && hasGeo(model) ? [["near", "Near a point"]] : [])] as [Mode, string][]).map(([m, label]) => (
          <Link
            key={m}
            href={`${pathname}${m === "newest" ? "" : m === "folders" ? "?folder=" : "?mode=near"}`}
            aria-current={mode === m ? "page" : undefined}
            onClick={() => setHistory([])}
            className={`${link} ${mode === m ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <form key={`${mode}:${filters.folder ?? ""}`} onSubmit={applyFilters} aria-label="Filter documents" className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 dark:border-slate-700 dark:bg-slate-900">
        <TextField label="Contains text" name="q" defaultValue={filters.q ?? ""} hint="Any value, any case." />
        {mode === "near" ? (
          <>
            <TextField label="Point (latitude, longitude)" name="near" required placeholder="48.8584,2.2945" defaultValue={filters.near ?? ""} />
            <SelectField label="Within" name="radius" defaultValue={filters.radius ?? "1000"}>
              {RADII.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </SelectField>
          </>
        ) : null}
        <div className="flex items-end gap-2">
          <Button type="submit">Apply</Button>
        </div>
      </form>
      {mode === "folders" ? <FolderTrail folder={filters.folder ?? ""} folders={page.data?.folders} onOpen={(folder) => { setHistory([]); navigate({ folder, q: filters.q }); }} /> : null}
      {page.isError ? <Alert tone="error">{page.error.message}</Alert> : null}
      {blueprint.isError ? <Alert tone="error">{blueprint.error.message}</Alert> : null}
      {page.isPending ? <p role="status">Loading documents…</p> : null}
      {mode === "near" && !filters.near ? <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Enter a point to find documents around it, nearest first.</p> : null}
      {page.data && !(mode === "near" && !filters.near) ? (
        <DataTable
          caption={title}
          busy={page.isFetching}
          columns={[...columns.map((f) => f.label), ...(mode === "folders" ? ["Folder"] : []), ...(mode === "near" ? ["Distance"] : []), "Updated", "Revision"]}
        >
          {page.data.items.length === 0 ? (
            <tr><td colSpan={columns.length + 3} className="px-4 py-6 text-center text-slate-600 dark:text-slate-400">No documents match.</td></tr>
          ) : null}
          {page.data.items.map((doc) => (
            <tr key={doc.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              {columns.map((f, i) => (
                <td key={f.name} className="max-w-xs truncate px-4 py-2">
                  {i === 0 ? (
                    <Link href={documentsHref(ref, `/${encodeURIComponent(doc.id)}`)} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
                      {displayValue(f, doc.values[f.name], languages) || doc.id}
                    </Link>
                  ) : (
                    displayValue(f, doc.values[f.name], languages)
                  )}
                </td>
              ))}
              {mode === "folders" ? <td className="px-4 py-2 font-mono text-xs">{doc.path || "—"}</td> : null}
              {mode === "near" ? <td className="whitespace-nowrap px-4 py-2">{doc.distanceMeters === undefined ? "" : `${doc.distanceMeters.toLocaleString()} m`}</td> : null}
              <td className="whitespace-nowrap px-4 py-2"><time dateTime={doc.updatedAt}>{new Date(doc.updatedAt).toLocaleString()}</time></td>
              <td className="px-4 py-2">{doc.revision}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {mode !== "near" ? (
        <nav aria-label="Document pages" className="mt-4 flex gap-2">
          <Button
            variant="secondary"
            disabled={!filters.cursor}
            onClick={() => {
              const cursor = history[history.length - 1];
              setHistory(history.slice(0, -1));
              navigate({ ...filters, cursor: cursor || undefined });
            }}
          >
            Newer
          </Button>
          <Button
            variant="secondary"
            disabled={!page.data?.nextCursor}
            onClick={() => {
              setHistory([...history, filters.cursor ?? ""]);
              navigate({ ...filters, cursor: page.data?.nextCursor ?? undefined });
            }}
          >
            Older
          </Button>
        </nav>
      ) : null}
    </>
  );
}
