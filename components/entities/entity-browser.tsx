"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { useEntityPage } from "@/components/entities/queries";
import { CreateEntityDialog, InviteDialog } from "@/components/entities/lazy-dialogs";
import { badge, input, link, muted, row, tabs } from "@/components/entities/styles";
import { ENTITY_TYPES, SEARCH_FIELDS } from "@/lib/entities/constants";
import type { EntityType, SearchField } from "@/lib/entities/schema";

const TYPE_LABELS: Record<EntityType, string> = { user: "Users", org: "Orgs", team: "Teams", portfolio: "Portfolios", app: "Apps" };

/** One entity type of an environment: search (prefix on name, email or handle), sort, cursor pages; all in the URL. */
export function EntityBrowser({ env, canManage }: { env: string; canManage: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const type = (ENTITY_TYPES as readonly string[]).includes(params.get("type") ?? "") ? (params.get("type") as EntityType) : "user";
  const by = (SEARCH_FIELDS as readonly string[]).includes(params.get("by") ?? "") ? (params.get("by") as SearchField) : "name";
  const order = params.get("order") === "desc" ? "desc" : "asc";
  const q = params.get("q") ?? "";
  const cursor = params.get("cursor") ?? undefined;

  const page = useEntityPage(env, { type, q, by, order, cursor });

  function go(next: Record<string, string | undefined>) {
    const search = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === "") search.delete(k);
      else search.set(k, v);
    }
    router.replace(`${pathname}?${search}`);
  }

  return (
    <>
      <PageHeader
        title={`Entities of ${env}`}
        description="Users, orgs, teams, portfolios and apps of this environment."
        actions={
          <>
            <Link href={`/environments/${env}/invites`} className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
              Invites
            </Link>
            {canManage ? (type === "user" ? <InviteDialog env={env} /> : <CreateEntityDialog env={env} type={type} />) : null}
          </>
        }
      />
      <nav aria-label="Entity types" className="mb-4 flex gap-1 overflow-x-auto">
        {ENTITY_TYPES.map((t) => (
          <Link key={t} href={`${pathname}?type=${t}`} aria-current={t === type ? "page" : undefined} className={tabs(t === type)}>
            {TYPE_LABELS[t]}
          </Link>
        ))}
      </nav>
      <SearchForm key={q} q={q} by={by} order={order} go={go} />
      {page.isError ? <Alert tone="error">{page.error.message}</Alert> : null}
      {page.isPending ? <p role="status">Loading…</p> : null}
      {page.data ? (
        page.data.items.length === 0 ? (
          <p className={`rounded-md border border-dashed border-slate-300 p-8 text-center dark:border-slate-600 ${muted}`}>No {TYPE_LABELS[type].toLowerCase()} {q ? `whose ${by} starts with “${q}”` : "yet"}.</p>
        ) : (
          <DataTable caption={`${TYPE_LABELS[type]} of ${env}`} columns={["Name", "Email", "Handle", "Status"]} busy={page.isFetching}>
            {page.data.items.map((e) => (
              <tr key={e.id} className={row}>
                <td className="px-4 py-2 font-medium">
                  <Link className={link} href={`/environments/${env}/entities/${e.type}/${e.id}`}>{e.name}</Link>
                </td>
                <td className="px-4 py-2 break-all">{e.email ?? "—"}</td>
                <td className="px-4 py-2">{e.handle ?? "—"}</td>
                <td className="px-4 py-2">
                  {e.archived ? <span className={`${badge} bg-slate-200 text-slate-800`}>archived</span> : e.is_active === "false" ? <span className={`${badge} bg-red-100 text-red-900`}>inactive</span> : <span className={`${badge} bg-green-100 text-green-900`}>active</span>}
                </td>
              </tr>
            ))}
          </DataTable>
        )
      ) : null}
      <div className="mt-4 flex gap-2">
        {cursor ? <Button variant="secondary" onClick={() => go({ cursor: undefined })}>First page</Button> : null}
        {page.data?.cursor ? <Button variant="secondary" onClick={() => go({ cursor: page.data?.cursor ?? undefined })}>Next page</Button> : null}
      </div>
    </>
  );
}

function SearchForm({ q, by, order, go }: { q: string; by: SearchField; order: string; go: (next: Record<string, string | undefined>) => void }) {
  const [draft, setDraft] = useState(q);
  return (
    <form
      role="search"
      className="mb-4 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        go({ q: draft.trim(), cursor: undefined });
      }}
    >
      <label className="flex flex-col gap-1 text-sm font-medium">
        Search
        <input className={input} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Starts with…" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        By
        <select className={input} value={by} onChange={(e) => go({ by: e.target.value, cursor: undefined })}>
          <option value="name">Name</option>
          <option value="email">Email</option>
          <option value="handle">Handle</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Order
        <select className={input} value={order} onChange={(e) => go({ order: e.target.value, cursor: undefined })}>
          <option value="asc">A to Z</option>
          <option value="desc">Z to A</option>
        </select>
      </label>
      <Button type="submit">Search</Button>
    </form>
  );
}
