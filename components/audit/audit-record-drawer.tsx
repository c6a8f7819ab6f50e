"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Drawer } from "@/components/ui/drawer";
import { Identifier } from "@/components/ui/identifier";
import { LoadingState } from "@/components/ui/states";
import { useAuditRecord } from "@/components/audit/queries";
import type { AuditRecord } from "@/lib/audit/schema";

/** Every field of one audit record, in a drawer whose address (record id and time) can be shared. */
export function AuditRecordDrawer({ id, at, known, onClose }: { id: string | null; at: string | null; known: AuditRecord | undefined; onClose: () => void }) {
  const record = useAuditRecord(id, at, known);
  const r = record.data;
  return (
    <Drawer open={Boolean(id)} onOpenChange={(open) => (open ? undefined : onClose())} title="Audit record">
      {record.isError ? <Alert tone="error" title="This record could not be shown">{record.error.message}</Alert> : null}
      {!r && !record.isError ? <LoadingState label="Loading the record…" rows={5} /> : null}
      {r ? (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-3 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]" data-testid="audit-record">
          <Field label="Outcome">
            <span className={outcomeClass(r.outcome)}>{r.outcome}</span>
          </Field>
          <Field label="Action"><span className="font-mono">{r.action}</span></Field>
          <Field label="Time">
            <time dateTime={r.at}>{new Date(r.at).toLocaleString()}</time>
            <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{r.at}</span>
          </Field>
          <Field label="Actor">
            <span className="break-all">{r.actor}</span>
          </Field>
          <Field label="Environment">
            {r.environment ? <Link className="text-blue-700 underline dark:text-blue-300" href={`/environments/${r.environment}`}>{r.environment}</Link> : "—"}
          </Field>
          <Field label="Target"><Identifier value={r.target} copy label="target" /></Field>
          <Field label="Error code">{r.errorCode ? <span className="font-mono">{r.errorCode}</span> : "—"}</Field>
          <Field label="Request id">{r.requestId ? <Identifier value={r.requestId} copy label="request id" /> : "—"}</Field>
          <Field label="Record id"><Identifier value={r.id} copy label="record id" /></Field>
        </dl>
      ) : null}
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

export function outcomeClass(outcome: AuditRecord["outcome"]): string {
  return outcome === "success" ? "text-green-800 dark:text-green-300" : outcome === "denied" ? "text-amber-800 dark:text-amber-300" : "text-red-800 dark:text-red-300";
}
