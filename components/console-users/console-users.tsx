"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { useEnvironments } from "@/components/environments/queries";
import { useChangeConsoleUser, useConsoleUsers, useInviteConsoleUser } from "@/components/console-users/queries";
import { card, input, muted, row } from "@/components/entities/styles";
import { ApiError } from "@/lib/http/client";
import type { ConsoleUser } from "@/lib/console-users/schema";

/** Environment admins and viewers: invite (by email, with a temporary password), change role, remove. */
export function ConsoleUsers({ environment }: { environment?: string }) {
  const users = useConsoleUsers(environment);
  const { setGrants, remove } = useChangeConsoleUser();
  const error = setGrants.error ?? remove.error;
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <InviteConsoleUserForm environment={environment} />
      <section aria-labelledby="console-users-heading" className="min-w-0">
        <h2 id="console-users-heading" className="mb-3 text-lg font-semibold">{environment ? `Admins and viewers of ${environment}` : "Environment admins and viewers"}</h2>
        {users.isError ? <Alert tone="error">{users.error.message}</Alert> : null}
        {error ? <div className="mb-3"><Alert tone="error">{error.message}</Alert></div> : null}
        {users.isPending ? <p role="status">Loading console users…</p> : null}
        {users.data?.length === 0 ? <p className={muted}>No one yet.</p> : null}
        {users.data && users.data.length > 0 ? (
          <DataTable caption="Console users with environment access" columns={["User", "Access", "Status", <span key="a" className="sr-only">Actions</span>]}>
            {users.data.map((u) => (
              <tr key={u.username} className={row}>
                <td className="min-w-44 px-4 py-2 [overflow-wrap:anywhere]">
                  {u.name ? (
                    <>
                      <span className="block font-medium">{u.name}</span>
                      <span className="block text-sm text-slate-600 dark:text-slate-400">{u.email}</span>
                    </>
                  ) : (
                    <span className="font-medium">{u.email}</span>
                  )}
                </td>
                <td className="px-4 py-2">
                  {u.grants.map((g) => (
                    <GrantEditor key={g.environment} user={u} environment={g.environment} role={g.role} onChange={(grants) => setGrants.mutate({ username: u.username, grants })} />
                  ))}
                </td>
                <td className="px-4 py-2 text-sm">{u.status}{u.enabled ? "" : " (disabled)"}</td>
                <td className="px-4 py-2">
                  <Button variant="ghost" busy={remove.isPending && remove.variables === u.username} onClick={() => remove.mutate(u.username)}>
                    Remove<span className="sr-only"> {u.email}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </div>
  );
}

function GrantEditor({ user, environment, role, onChange }: { user: ConsoleUser; environment: string; role: "admin" | "viewer"; onChange: (grants: ConsoleUser["grants"]) => void }) {
  return (
    <label className="mr-2 inline-flex items-center gap-2 text-sm">
      <span>{environment}</span>
      <select
        className={input}
        aria-label={`Role of ${user.email} in ${environment}`}
        value={role}
        onChange={(e) => onChange(user.grants.map((g) => (g.environment === environment ? { environment, role: e.target.value as "admin" | "viewer" } : g)))}
      >
        <option value="admin">admin</option>
        <option value="viewer">viewer</option>
      </select>
    </label>
  );
}

function InviteConsoleUserForm({ environment }: { environment?: string }) {
  const environments = useEnvironments();
  const invite = useInviteConsoleUser();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | undefined>();
  return (
    <section aria-labelledby="invite-admin-heading" className={card}>
      <h2 id="invite-admin-heading" className="mb-3 text-lg font-semibold">Invite an environment admin or viewer</h2>
      {done ? <div className="mb-3"><Alert tone="success">{done}</Alert></div> : null}
      {invite.isError ? <div className="mb-3"><Alert tone="error">{invite.error.message}</Alert></div> : null}
      <form
        noValidate
        className={`grid gap-3 sm:grid-cols-2 sm:items-end ${environment ? "lg:grid-cols-[2fr_2fr_1fr_auto]" : "lg:grid-cols-[2fr_2fr_1fr_1fr_auto]"}`}
        onSubmit={async (e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          setErrors({});
          setDone(undefined);
          const input = {
            email: String(data.get("email") ?? ""),
            name: String(data.get("name") ?? ""),
            environment: environment ?? String(data.get("environment") ?? ""),
            role: String(data.get("role") ?? "admin") as "admin" | "viewer",
          };
          try {
            const out = await invite.mutateAsync(input);
            setDone(out.emailed ? `Invitation sent to ${out.user.email}.` : `${out.user.email} already had an account and now has access.`);
          } catch (err) {
            if (err instanceof ApiError) setErrors(err.fieldErrors);
          }
        }}
      >
        <TextField label="Email" name="email" type="email" required error={errors.email?.[0]} />
        <TextField label="Name (optional)" name="name" autoComplete="off" error={errors.name?.[0]} />
        {environment ? null : (
          <SelectField label="Environment" name="environment" error={errors.environment?.[0]}>
            {(environments.data ?? []).map((env) => (
              <option key={env.name} value={env.name}>{env.name}</option>
            ))}
          </SelectField>
        )}
        <SelectField label="Role" name="role">
          <option value="admin">Admin (manages users, teams, documents, jobs)</option>
          <option value="viewer">Viewer (reads)</option>
        </SelectField>
        <div>
          <Button type="submit" busy={invite.isPending}>Send invitation</Button>
        </div>
      </form>
    </section>
  );
}
