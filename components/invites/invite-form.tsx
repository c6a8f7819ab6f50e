"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { inviteCreateSchema } from "@/lib/invites/schema";

type Input = z.input<typeof inviteCreateSchema>;
type Output = z.output<typeof inviteCreateSchema>;

/** Invite one user: renders only; the caller sends. Server field errors (a duplicate email) land on their field. */
export function InviteForm({ teams, defaultValues, onSubmit }: { teams: { id: string; name: string }[]; defaultValues: Input; onSubmit: (v: Output) => Promise<void> }) {
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(inviteCreateSchema), defaultValues });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (err) {
      if (err instanceof ApiError) {
        for (const [field, messages] of Object.entries(err.fieldErrors)) {
          if (field === "email" || field === "name" || field === "language") form.setError(field, { message: messages[0] });
        }
        form.setError("root", { message: err.message });
      } else throw err;
    }
  });
  const teamValue = useWatch({ control: form.control, name: "teams" })?.[0];
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {errors.root?.message ? <Alert tone="error">{errors.root.message}</Alert> : null}
      <TextField label="Email" type="email" required autoComplete="off" error={errors.email?.message} {...form.register("email")} />
      <TextField label="Name" error={errors.name?.message} {...form.register("name")} />
      <SelectField label="Language" {...form.register("language")}>
        <option value="">Not set</option>
        <option value="en">English</option>
        <option value="fr">French</option>
        <option value="de">German</option>
        <option value="es">Spanish</option>
        <option value="nl">Dutch</option>
      </SelectField>
      <SelectField
        label="Team"
        value={teamValue?.id ?? ""}
        onChange={(e) => form.setValue("teams", e.target.value ? [{ id: e.target.value, role: teamValue?.role ?? "member" }] : [])}
      >
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>{t.name}</option>
        ))}
      </SelectField>
      {teamValue ? (
        <SelectField label="Role in the team" value={teamValue.role ?? "member"} onChange={(e) => form.setValue("teams", [{ id: teamValue.id, role: e.target.value as "member" }])}>
          <option value="member">Member</option>
          <option value="admin">Admin</option>
          <option value="owner">Owner</option>
        </SelectField>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" busy={isSubmitting}>Send invitation</Button>
      </div>
    </form>
  );
}
