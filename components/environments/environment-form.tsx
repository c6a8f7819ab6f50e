"use client";

import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/form-errors";
import { CredentialsFields } from "@/components/environments/credentials-fields";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { CredentialsUpdateInput, EnvironmentCreateInput } from "@/lib/environments/schema";

/**
 * The environment form: renders and validates only. Loading and saving are the
 * caller's (defaultValues in, onSubmit out), so create and edit share it.
 */
export type EnvironmentFormValues = Omit<EnvironmentCreateInput, "credentials"> & {
  credentials: CredentialsUpdateInput;
  version?: number;
};

const FIELDS = [
  "name", "region", "accountId", "endpoint", "appApiUrl", "appFunctionArn", "sesSender", "description", "readCapacity", "writeCapacity", "languages",
  "credentials", "credentials.type", "credentials.profile", "credentials.accessKeyId",
  "credentials.secretAccessKey", "credentials.roleArn", "credentials.externalId", "version",
] as const;

export function EnvironmentForm({
  mode,
  defaultValues,
  onSubmit,
  submitLabel,
  secretHint,
  currentCredentials,
}: {
  mode: "create" | "edit";
  defaultValues: EnvironmentFormValues;
  /** Receives the values as parsed by the shared zod schema. */
  onSubmit: (values: EnvironmentFormValues) => Promise<void>;
  submitLabel: string;
  secretHint?: string;
  /** Edit mode: a label for the stored credentials, offered as "keep". */
  currentCredentials?: string;
}) {
  const resolver = useMemo(
    () => lazyZodResolver<EnvironmentFormValues>(() => import("@/lib/environments/schema").then((m) => (mode === "create" ? m.environmentCreateSchema : m.environmentUpdateSchema))),
    [mode],
  );
  const form = useForm<EnvironmentFormValues>({
    resolver,
    defaultValues,
    mode: "onTouched",
  });
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="flex min-w-0 max-w-2xl flex-col gap-5" aria-label={submitLabel}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {mode === "create" ? (
        <TextField
          label="Name"
          required
          autoComplete="off"
          // The rule's error message already says what the hint says: show one or the other.
          hint={errors.name ? undefined : "3–24 characters: a lowercase letter, then lowercase letters, digits or hyphens. It prefixes table, IAM, Cognito and bucket names."}
          error={errors.name?.message}
          {...form.register("name")}
        />
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Region" required placeholder="us-east-1" error={errors.region?.message} {...form.register("region")} />
        <TextField label="AWS account id" inputMode="numeric" placeholder="123456789012" hint="Optional; Test connection shows the real one." error={errors.accountId?.message} {...form.register("accountId")} />
      </div>
      <CredentialsFields form={form} secretHint={secretHint} allowUnchanged={mode === "edit" ? currentCredentials : undefined} />
      <fieldset className="flex min-w-0 flex-col gap-5 rounded-md border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">Application</legend>
        <TextField label="SES sender address" type="email" placeholder="no-reply@example.com" hint="The From address of invitation emails (setup step 7)." error={errors.sesSender?.message} {...form.register("sesSender")} />
        <TextField label="App API base URL" placeholder="https://abc123.execute-api.us-east-1.amazonaws.com/prod" hint="Optional; the deployed TankTower app. Used to scope execute-api:Invoke." error={errors.appApiUrl?.message} {...form.register("appApiUrl")} />
        <TextField label="App function ARN" placeholder="arn:aws:lambda:us-east-1:123456789012:function:tanktower-app" hint="Optional; the app's Lambda function, which job schedules (EventBridge rules) invoke." error={errors.appFunctionArn?.message} {...form.register("appFunctionArn")} />
        <TextField label="AWS endpoint override" placeholder="http://127.0.0.1:4566" hint="Optional; leave empty to use standard SDK configuration (AWS_ENDPOINT_URL or AWS itself)." error={errors.endpoint?.message} {...form.register("endpoint")} />
        <TextField label="Description" error={errors.description?.message} {...form.register("description")} />
        <TextField label="Document languages" placeholder="en" hint="Language codes of multilingual document fields, separated by commas; the first is the default. Empty: en." error={errors.languages?.message} {...form.register("languages")} />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label="Table read capacity" inputMode="numeric" placeholder="1" hint="Per table and index, used when tables are created. Empty: 1 (free tier)." error={errors.readCapacity?.message} {...form.register("readCapacity")} />
          <TextField label="Table write capacity" inputMode="numeric" placeholder="1" hint="Per table and index. Empty: 1 (free tier)." error={errors.writeCapacity?.message} {...form.register("writeCapacity")} />
        </div>
      </fieldset>
      {errors.version?.message ? <Alert tone="error">{errors.version.message}</Alert> : null}
      <div>
        <Button type="submit" busy={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
