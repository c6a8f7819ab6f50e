"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { card, link, muted, row } from "@/components/entities/styles";
import { api } from "@/lib/http/client";
import type { Pass, Reconciliation as Result } from "@/lib/reconcile/schema";

const LABEL = {
  "cognito-without-entity": ["Cognito user without an entity", "Create the entity"],
  "entity-without-cognito": ["Entity without a Cognito user", "Invite"],
  "status-mismatch": ["Active state differs from Cognito", "Align with Cognito"],
} as const;

const PHASE = { cognito: "Reading Cognito users", entities: "Reading user entities", compare: "Comparing", finished: "Finished" } as const;

/**
 * The latest reconciliation pass, kept on the server: started here, it goes on
 * if the tab closes, and reopening the page shows its progress or findings.
 */
export function Reconciliation({ env }: { env: string }) {
  const client = useQueryClient();
  const url = `/api/environments/${encodeURIComponent(env)}/reconciliation`;
  const key = ["reconciliation", env] as const;
  const latest = useQuery({ queryKey: key, queryFn: () => api<Result>(url), refetchInterval: (q) => (q.state.data?.pass?.status === "running" ? 1_000 : false) });
  const start = useMutation({ mutationFn: () => api<Pass>(url, { method: "POST" }), onSuccess: () => client.invalidateQueries({ queryKey: key }) });
  const fix = useMutation({
    mutationFn: (input: { fix: string; email: string; passId: string }) => api<{ fixed: boolean; message: string }>(`${url}/fix`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries(),
  });
  const pass = latest.data?.pass ?? null;
  const open = (latest.data?.findings ?? []).filter((f) => !f.fixed);
  const fixedCount = (latest.data?.findings.length ?? 0) - open.length;
  return (
    <section aria-labelledby="reconcile-heading" className={card}>
      <h2 id="reconcile-heading" className="mb-2 text-lg font-semibold">Reconciliation</h2>
      <p className={`mb-3 text-sm ${muted}`}>
        Compares the environment&apos;s Cognito users with its user entities. Export:{" "}
        <a className={link} href={`/api/environments/${env}/export?what=users`} download>users CSV</a> ·{" "}
        <a className={link} href={`/api/environments/${env}/export?what=teams`} download>teams CSV</a>
      </p>
      <Button variant="secondary" busy={start.isPending} disabled={pass?.status === "running"} onClick={() => start.mutate()}>Run reconciliation</Button>
      {latest.isError ? <div className="mt-3"><Alert tone="error">{latest.error.message}</Alert></div> : null}
      {start.isError ? <div className="mt-3"><Alert tone="error">{start.error.message}</Alert></div> : null}
      {fix.isError ? <div className="mt-3"><Alert tone="error">{fix.error.message}</Alert></div> : null}
      {fix.data ? <div className="mt-3"><Alert tone={fix.data.fixed ? "success" : "warning"}>{fix.data.message}</Alert></div> : null}
      {pass ? (
        <div className="mt-3" data-testid="reconciliation">
          <PassStatus pass={pass} open={open.length} fixed={fixedCount} />
          {pass.status === "done" && open.length ? (
            <DataTable caption="Reconciliation findings" columns={["Email", "Finding", <span key="a" className="sr-only">Fix</span>]}>
              {open.map((f) => (
                <tr key={`${f.kind}-${f.email}`} className={row}>
                  <td className="px-4 py-2 break-all">{f.email}</td>
                  <td className="px-4 py-2">{LABEL[f.kind][0]}</td>
                  <td className="px-4 py-2">
                    <Button variant="secondary" busy={fix.isPending && fix.variables?.email === f.email} onClick={() => fix.mutate({ fix: f.fix, email: f.email, passId: pass.id })}>
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

function PassStatus({ pass, open, fixed }: { pass: Pass; open: number; fixed: number }) {
  const when = new Date(pass.startedAt).toLocaleString();
  if (pass.status === "running") {
    const estimate = pass.cognitoEstimate;
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm" role="status">
          {PHASE[pass.phase]}: {pass.cognitoUsers}{estimate !== null && pass.phase === "cognito" ? ` of about ${estimate}` : ""} Cognito users, {pass.userEntities} user entities read (started {when} by {pass.startedBy}).
        </p>
        {pass.phase === "cognito" && estimate ? (
          <progress className="w-full" max={Math.max(estimate, pass.cognitoUsers, 1)} value={pass.cognitoUsers} aria-label="Reconciliation progress" />
        ) : (
          <progress className="w-full" aria-label="Reconciliation progress" />
        )}
      </div>
    );
  }
  if (pass.status === "failed") return <Alert tone="error" title="The last pass failed">{pass.error ?? "It stopped on an error."} Run it again.</Alert>;
  if (pass.status === "interrupted") return <Alert tone="warning" title="The last pass was interrupted">The console stopped while it ran ({when}). Run it again.</Alert>;
  return (
    <p className="mb-2 text-sm" role="status">
      Pass of {when} by {pass.startedBy}: checked {pass.cognitoUsers} Cognito users and {pass.userEntities} user entities:{" "}
      {pass.findings === 0 ? "everything matches." : `${open} to fix${fixed ? `, ${fixed} fixed` : ""}.`}
    </p>
  );
}
