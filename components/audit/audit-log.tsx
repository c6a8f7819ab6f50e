"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { AuditRecordDrawer, outcomeClass } from "@/components/audit/audit-record-drawer";
import { useAuditPage, type AuditFilters } from "@/components/audit/queries";

const FILTER_KEYS = ["environment", "actor", "action", "outcome"] as const;

/** Filters and the cursor live in the URL, so a view can be linked and reloaded. */
export function AuditLog() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const filters: AuditFilters = {};
  for (const key of [...FILTER_KEYS, "cursor"] as const) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  // The open record (drawer) is in the URL too, so it can be linked.
  const recordId = search.get("record");
  const recordAt = search.get("at");
  const page = useAuditPage(filters);
  // Earlier cursors of this filter set, for "Newer".
  const [history, setHistory] = useState<string[]>([]);

  function hrefOf(next: AuditFilters & { record?: string; at?: string }): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
    return `${pathname}${params.size ? `?${params.toString()}` : ""}`;
  }

  function navigate(next: AuditFilters) {
    router.replace(hrefOf(next), { scroll: false });
  }

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: AuditFilters = {};
    for (const key of FILTER_KEYS) {
      const value = String(data.get(key) ?? "").trim();
      if (value) next[key] = value;
    }
    setHistory([]);
    navigate(next);
  }

  return (
    <>
      <PageHeader title="Audit" description="Every change made through the console or its CLI: who, where, what, and how it ended. Newest first." />
      <form onSubmit={applyFilters} className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-slate-700 dark:bg-slate-900" aria-label="Filter audit records">
        <TextField label="Environment" name="environment" defaultValue={filters.environment ?? ""} />
        <TextField label="Actor" name="actor" defaultValue={filters.actor ?? ""} />
        <TextField label="Action starts with" name="action" placeholder="environment." defaultValue={filters.action ?? ""} />
        <SelectField label="Outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
        </SelectField>
        <div className="flex flex-wrap items-end gap-2">
          <Button type="submit">Apply</Button>
          <Button variant="ghost" onClick={() => { setHistory([]); navigate({}); }}>
            Clear
          </Button>
        </div>
      </form>
      {page.isError ? (
        <ErrorState title="The audit log could not be read" action={<Button onClick={() => void page.refetch()}>Try again</Button>}>
          {page.error.message}
        </ErrorState>
      ) : null}
      {page.isPending ? <LoadingState label="Loading audit log…" rows={6} /> : null}
      {page.data ? (
        <DataTable caption="Audit records" busy={page.isFetching} columns={["Time", "Actor", "Action", "Environment", "Target", "Outcome"]}>
              {page.data.items.length === 0 ? (
                <tr>
                  <td colSpan={6} className="px-4 py-6 text-center text-slate-600 dark:text-slate-300">
                    No audit records match.{" "}
                    {Object.keys(filters).length ? <Link className="text-blue-700 underline dark:text-blue-300" href={pathname}>Clear the filters</Link> : null}
                  </td>
                </tr>
              ) : null}
              {page.data.items.map((r) => (
                <tr key={r.id} className={r.id === recordId ? "bg-blue-50 dark:bg-blue-950/40" : ""}>
                  <td className="whitespace-nowrap px-4 py-2">
                    <Link scroll={false} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" href={hrefOf({ ...filters, record: r.id, at: r.at })}>
                      <time dateTime={r.at}>{new Date(r.at).toLocaleString()}</time>
                      <span className="sr-only">: details of {r.action}</span>
                    </Link>
                  </td>
                  <td className="break-words px-4 py-2">{r.actor}</td>
                  <td className="whitespace-nowrap px-4 py-2 font-mono">{r.action}</td>
                  <td className="px-4 py-2">{r.environment ?? "—"}</td>
                  <td className="break-words px-4 py-2">{r.target}</td>
                  <td className="whitespace-nowrap px-4 py-2">
                    <span className={outcomeClass(r.outcome)}>
                      {r.outcome}
                      {r.errorCode ? ` (${r.errorCode})` : ""}
                    </span>
                  </td>
                </tr>
              ))}
        </DataTable>
      ) : null}
      <AuditRecordDrawer
        id={recordId}
        at={recordAt}
        known={page.data?.items.find((r) => r.id === recordId)}
        onClose={() => navigate(filters)}
      />
      <nav aria-label="Audit pages" className="mt-4 flex gap-2">
        <Button
          variant="secondary"
          disabled={!filters.cursor}
          onClick={() => {
            const previous = history.slice(0, -1);
            const cursor = history[history.length - 1];
            setHistory(previous);
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
    </>
  );
}
