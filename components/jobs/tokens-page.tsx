"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CopyButton } from "@/components/provisioning/copy-button";
import { formatTime } from "@/components/jobs/format";
import { useCreateToken, useRevokeToken, useTokens } from "@/components/jobs/queries";
import { ApiError } from "@/lib/http/client";

/** Personal API tokens of one environment: created (shown once), listed, revoked. */
export function TokensPage({ env }: { env: string }) {
  const tokens = useTokens(env);
  const create = useCreateToken(env);
  const revoke = useRevokeToken(env);
  const [created, setCreated] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    // The schema (and zod with it) loads at the first submit, not with the page.
    const { tokenCreateSchema } = await import("@/lib/jobs/token-operations");
    const parsed = tokenCreateSchema.safeParse(data);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setError(null);
    try {
      const out = await create.mutateAsync(parsed.data);
      setCreated(out.token);
      form.reset();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The token could not be created.");
    }
  }

  const curl = created
    ? `curl -X POST -H "Authorization: Bearer ${created}" -H "content-type: application/json" -d '{"job":"<job name or id>","params":{}}' ${typeof window === "undefined" ? "" : window.location.origin}/api/environments/${env}/runs`
    : "";

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={`API tokens of ${env}`} description={<>Scripts trigger runs with <code>Authorization: Bearer …</code> on <code>POST /api/environments/{env}/runs</code>; their runs have trigger api. Only a hash of each token is stored. <Link className="underline" href={`/environments/${encodeURIComponent(env)}/jobs`}>Back to jobs</Link></>} />
      <form onSubmit={submit} noValidate aria-label="Create an API token" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 dark:border-slate-700 dark:bg-slate-900">
        <TextField label="Name" name="name" required error={errors.name} placeholder="nightly script" />
        <SelectField label="Role" name="role" defaultValue="admin" error={errors.role}>
          <option value="admin">Admin (may trigger runs)</option>
          <option value="viewer">Viewer</option>
        </SelectField>
        <TextField label="Expires in (days)" name="expiresInDays" inputMode="numeric" defaultValue="30" error={errors.expiresInDays} />
        <div className="flex items-end"><Button type="submit" busy={create.isPending}>Create token</Button></div>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {created ? (
        <Alert tone="success" title="Copy the token now: it is shown only once.">
          <code data-testid="new-token" className="block break-all font-mono">{created}</code>
          <div className="mt-2 flex flex-wrap gap-2"><CopyButton text={created} label="Copy token" /><CopyButton text={curl} label="Copy curl example" /></div>
        </Alert>
      ) : null}
      {tokens.isError ? <Alert tone="error">{tokens.error.message}</Alert> : null}
      {tokens.data ? (
        <DataTable caption="API tokens" columns={["Name", "Role", "Owner", "Created", "Expires", "Last used", "State", ""]}>
          {tokens.data.length === 0 ? <tr><td colSpan={8} className="px-4 py-6 text-center text-slate-600 dark:text-slate-400">No tokens yet.</td></tr> : null}
          {tokens.data.map((t) => {
            const state = t.revokedAt ? "revoked" : t.expiresAt < new Date().toISOString() ? "expired" : "active";
            return (
              <tr key={t.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                <td className="px-4 py-2">{t.name}</td>
                <td className="px-4 py-2">{t.role}</td>
                <td className="px-4 py-2">{t.owner}</td>
                <td className="whitespace-nowrap px-4 py-2">{formatTime(t.createdAt)}</td>
                <td className="whitespace-nowrap px-4 py-2">{formatTime(t.expiresAt)}</td>
                <td className="whitespace-nowrap px-4 py-2">{formatTime(t.lastUsedAt)}</td>
                <td className="px-4 py-2">{state}</td>
                <td className="px-4 py-2">
                  {state === "active" ? (
                    <Button variant="danger" busy={revoke.isPending && revoke.variables === t.id} onClick={() => revoke.mutate(t.id)}>Revoke<span className="sr-only"> {t.name}</span></Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
    </div>
  );
}
