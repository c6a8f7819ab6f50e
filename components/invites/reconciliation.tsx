"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { card, link, muted, row } from "@/components/entities/styles";
import { api } from "@/lib/http/client";
import type { Reconciliation as Result } from "@/lib/reconcile/schema";

const LABEL = {
  "cognito-without-entity": ["Cognito user without an entity", "Create the entity"],
  "entity-without-cognito": ["Entity without a Cognito user", "Invite"],
  "status-mismatch": ["Active state differs from Cognito", "Align with Cognito"],
} as const;

/** One reconciliation pass on demand, each finding with its fix; plus CSV exports. */
export function Reconciliation({ env }: { env: string }) {
  const client = useQueryClient();
  const pass = useMutation({ mutationFn: () => api<Result>(`/api/environments/${encodeURIComponent(env)}/reconciliation`) });
  const fix = useMutation({
    mutationFn: (input: { fix: string; email: string }) => api<{ fixed: boolean; message: string }>(`/api/environments/${encodeURIComponent(env)}/reconciliation/fix`, { method: "POST", body: input }),
    onSuccess: async () => {
      await client.invalidateQueries();
      pass.mutate();
    },
  });
  return (
    <section aria-labelledby="reconcile-heading" className={card}>
      <h2 id="reconcile-heading" className="mb-2 text-lg font-semibold">Reconciliation</h2>
      <p className={`mb-3 text-sm ${muted}`}>
        Compares the environment&apos;s Cognito users with its user entities. Export:{" "}
        <a className={link} href={`/api/environments/${env}/export?what=users`} download>users CSV</a> ·{" "}
        <a className={link} href={`/api/environments/${env}/export?what=teams`} download>teams CSV</a>
      </p>
      <Button variant="secondary" busy={pass.isPending} onClick={() => pass.mutate()}>Run reconciliation</Button>
      {pass.isError ? <div className="mt-3"><Alert tone="error">{pass.error.message}</Alert></div> : null}
      {fix.isError ? <div className="mt-3"><Alert tone="error">{fix.error.message}</Alert></div> : null}
      {fix.data ? <div className="mt-3"><Alert tone={fix.data.fixed ? "success" : "warning"}>{fix.data.message}</Alert></div> : null}
      {pass.data ? (
        <div className="mt-3" data-testid="reconciliation">
          <p className="mb-2 text-sm" role="status">
            Checked {pass.data.cognitoUsers} Cognito users and {pass.data.userEntities} user entities: {pass.data.findings.length === 0 ? "everything matches." : `${pass.data.findings.length} to fix.`}
          </p>
          {pass.data.findings.length ? (
            <DataTable caption="Reconciliation findings" columns={["Email", "Finding", <span key="a" className="sr-only">Fix</span>]}>
              {pass.data.findings.map((f) => (
                <tr key={`${f.kind}-${f.email}`} className={row}>
                  <td className="px-4 py-2 break-all">{f.email}</td>
                  <td className="px-4 py-2">{LABEL[f.kind][0]}</td>
                  <td className="px-4 py-2">
                    <Button variant="secondary" busy={fix.isPending && fix.variables?.email === f.email} onClick={() => fix.mutate({ fix: f.fix, email: f.email })}>
                      {LABEL[f.kind][1]}<span className="sr-only"> {f.email}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
