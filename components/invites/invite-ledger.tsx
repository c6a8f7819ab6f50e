"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { useInviteAction, useLedger } from "@/components/invites/queries";
import { badge, muted, row } from "@/components/entities/styles";
import type { Invite } from "@/lib/invites/schema";

const TONE: Record<Invite["status"], string> = {
  sending: "bg-blue-100 text-blue-900",
  pending: "bg-amber-100 text-amber-900",
  accepted: "bg-green-100 text-green-900",
  expired: "bg-slate-200 text-slate-800",
  failed: "bg-red-100 text-red-900",
  revoked: "bg-slate-200 text-slate-800",
};

/** The invite ledger: status per invite, the failed step's reason, and retry / resend / revoke. */
export function InviteLedger({ env, canManage }: { env: string; canManage: boolean }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const ledger = useLedger(env, cursors.at(-1));
  const action = useInviteAction(env);
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading" className="mb-3 text-lg font-semibold">Invite ledger</h2>
      {ledger.isError ? <Alert tone="error">{ledger.error.message}</Alert> : null}
      {action.isError ? <div className="mb-3"><Alert tone="error">{action.error.message}</Alert></div> : null}
      {ledger.isPending ? <p role="status">Loading invites…</p> : null}
      {ledger.data?.items.length === 0 ? <p className={muted}>No invites yet.</p> : null}
      {ledger.data && ledger.data.items.length > 0 ? (
        <DataTable caption={`Invites of ${env}`} columns={["Email", "Status", "Details", "Sent", <span key="a" className="sr-only">Actions</span>]} busy={ledger.isFetching}>
          {ledger.data.items.map((inv) => (
            <tr key={inv.id} className={row} data-testid={`invite-${inv.email}`}>
              <td className="px-4 py-2 break-all font-medium">{inv.email}{inv.name ? <span className={`block text-xs ${muted}`}>{inv.name}</span> : null}</td>
              <td className="px-4 py-2"><span className={`${badge} ${TONE[inv.status]}`}>{inv.status}</span></td>
              <td className="px-4 py-2 text-sm">
                {inv.failure ? <span>Failed at the {inv.failure.step} step: {inv.failure.reason} <span className={muted}>({inv.failure.code})</span></span> : inv.expiresAt && inv.status === "pending" ? <span className={muted}>Expires <time dateTime={inv.expiresAt}>{new Date(inv.expiresAt).toLocaleString()}</time></span> : null}
              </td>
              <td className="px-4 py-2 text-sm">{inv.sentAt ? <time dateTime={inv.sentAt}>{new Date(inv.sentAt).toLocaleString()}</time> : "—"}</td>
              <td className="px-4 py-2">
                {canManage ? (
                  <div className="flex flex-wrap gap-1">
                    {inv.status === "failed" ? <Button variant="secondary" busy={action.isPending && action.variables?.id === inv.id && action.variables.action === "retry"} onClick={() => action.mutate({ id: inv.id, action: "retry" })}>Retry<span className="sr-only"> {inv.email}</span></Button> : null}
                    {inv.status === "pending" || inv.status === "expired" ? <Button variant="secondary" busy={action.isPending && action.variables?.id === inv.id && action.variables.action === "resend"} onClick={() => action.mutate({ id: inv.id, action: "resend" })}>Resend<span className="sr-only"> {inv.email}</span></Button> : null}
                    {inv.status !== "accepted" && inv.status !== "revoked" ? <Button variant="ghost" busy={action.isPending && action.variables?.id === inv.id && action.variables.action === "revoke"} onClick={() => action.mutate({ id: inv.id, action: "revoke" })}>Revoke<span className="sr-only"> {inv.email}</span></Button> : null}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <div className="mt-3 flex gap-2">
        {cursors.length ? <Button variant="secondary" onClick={() => setCursors([])}>Newest</Button> : null}
        {ledger.data?.cursor ? <Button variant="secondary" onClick={() => setCursors((c) => [...c, ledger.data?.cursor ?? ""])}>Older</Button> : null}
      </div>
    </section>
  );
}
