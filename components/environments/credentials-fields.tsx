"use client";

import type { FieldError, UseFormReturn } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { EnvironmentFormValues } from "@/components/environments/environment-form";

type CredentialErrors = Partial<Record<"type" | "profile" | "accessKeyId" | "secretAccessKey" | "roleArn" | "externalId", FieldError>> & FieldError;

export function CredentialsFields({
  form,
  secretHint,
  allowUnchanged,
}: {
  form: UseFormReturn<EnvironmentFormValues>;
  secretHint?: string;
  allowUnchanged?: string;
}) {
  const type = form.watch("credentials.type");
  const errors = (form.formState.errors.credentials ?? {}) as CredentialErrors;
  return (
    <fieldset className="flex min-w-0 flex-col gap-5 rounded-md border border-slate-200 p-4 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Credentials</legend>
      <SelectField label="Credentials source" required error={errors.type?.message ?? errors.message} {...form.register("credentials.type")}>
        {allowUnchanged ? <option value="unchanged">Keep current: {allowUnchanged}</option> : null}
        <option value="default">Console default (SDK default chain)</option>
        <option value="assume-role">Assume a role (recommended for another account)</option>
        <option value="profile">Named profile on the console server</option>
        <option value="keys">Access keys</option>
      </SelectField>
      {type === "profile" ? (
        <TextField label="Profile name" required error={errors.profile?.message} {...form.register("credentials.profile")} />
      ) : null}
      {type === "assume-role" ? (
        <>
          <TextField label="Role ARN" required placeholder="arn:aws:iam::123456789012:role/TankTowerInstaller" error={errors.roleArn?.message} {...form.register("credentials.roleArn")} />
          <TextField label="External id" hint="The value the account owner put in the role's trust policy." error={errors.externalId?.message} {...form.register("credentials.externalId")} />
        </>
      ) : null}
      {type === "keys" ? (
        <>
          <TextField label="Access key id" required autoComplete="off" error={errors.accessKeyId?.message} {...form.register("credentials.accessKeyId")} />
          <TextField
            label="Secret access key"
            type="password"
            autoComplete="new-password"
            hint={secretHint ?? "Stored encrypted; it is never shown again."}
            error={errors.secretAccessKey?.message}
            {...form.register("credentials.secretAccessKey")}
          />
        </>
      ) : null}
    </fieldset>
  );
}
