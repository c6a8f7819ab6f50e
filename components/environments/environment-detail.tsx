"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ConsoleUsers } from "@/components/console-users/console-users";
import { ConnectionPanel } from "@/components/environments/connection-panel";
import { DocumentsSection } from "@/components/documents/documents-section";
import { EnvironmentForm } from "@/components/environments/environment-form";
import { credentialsLabel } from "@/components/environments/labels";
import { useDeleteEnvironment, useEnvironment, useUpdateEnvironment } from "@/components/environments/queries";
import type { EnvironmentUpdateInput } from "@/lib/environments/schema";

export function EnvironmentDetail({ name }: { name: string }) {
  const router = useRouter();
  const created = useSearchParams().get("created") === "1";
  const env = useEnvironment(name);
  const update = useUpdateEnvironment(name);
  const remove = useDeleteEnvironment(name);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);

  if (env.isError) {
    return (
      <ErrorState
        level={1}
        title={`${name} could not be shown`}
        action={
          <>
            <Button onClick={() => void env.refetch()}>Try again</Button>
            <ButtonLink variant="secondary" href="/environments">Back to environments</ButtonLink>
          </>
        }
      >
        {env.error.message}
      </ErrorState>
    );
  }
  if (!env.data) return <LoadingState title={name} label={`Loading ${name}…`} />;
  const e = env.data;

  return (
    <>
      <PageHeader
        title={e.name}
        description={
          <>
            {e.region} · account <span className="break-all font-mono">{e.accountId ?? "not recorded"}</span> · {credentialsLabel(e.credentials)} · version {e.version}
          </>
        }
        actions={
          <>
            <ButtonLink href={`/environments/${e.name}/provisioning`}>Provisioning checklist</ButtonLink>
            <ButtonLink href={`/environments/${e.name}/blueprints`} variant="secondary">Blueprints</ButtonLink>
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Remove
            </Button>
          </>
        }
      />
      {created ? <Alert tone="success">Environment {e.name} was added.</Alert> : null}
      <section aria-labelledby="people-heading" className="my-6 min-w-0 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <h2 id="people-heading" className="mb-4 text-lg font-semibold">People</h2>
        <p className="mb-4 text-sm">
          <Link className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" href={`/environments/${e.name}/entities`}>Entities</Link> ·{" "}
          <Link className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" href={`/environments/${e.name}/invites`}>Invites</Link>
        </p>
        <ConsoleUsers environment={e.name} />
      </section>
      <section aria-labelledby="connection-heading" className="my-6 min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-700 dark:bg-slate-900">
        <h2 id="connection-heading" className="text-lg font-semibold">Connection</h2>
        <ConnectionPanel name={e.name} />
      </section>
      <DocumentsSection env={e.name} />
      <section aria-labelledby="settings-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-700 dark:bg-slate-900">
        <h2 id="settings-heading" className="mb-4 text-lg font-semibold">Settings</h2>
        {saved ? <div className="mb-4"><Alert tone="success">Saved. This is now version {e.version}.</Alert></div> : null}
        <EnvironmentForm
          key={e.version}
          mode="edit"
          submitLabel="Save changes"
          secretHint="Enter the key pair again to change it; the stored secret is never shown."
          currentCredentials={credentialsLabel(e.credentials)}
          defaultValues={{
            name: e.name,
            region: e.region,
            accountId: e.accountId ?? "",
            credentials: { type: "unchanged" },
            endpoint: e.endpoint ?? "",
            appApiUrl: e.appApiUrl ?? "",
            appFunctionArn: e.appFunctionArn ?? "",
            sesSender: e.sesSender ?? "",
            description: e.description ?? "",
            readCapacity: e.readCapacity === null ? "" : String(e.readCapacity),
            writeCapacity: e.writeCapacity === null ? "" : String(e.writeCapacity),
            languages: e.languages.join(", "),
            version: e.version,
          }}
          onSubmit={async (values) => {
            setSaved(false);
            await update.mutateAsync(values as EnvironmentUpdateInput);
            setSaved(true);
          }}
        />
      </section>
      <p className="mt-4 break-words text-xs text-slate-600 dark:text-slate-400">
        Created {new Date(e.createdAt).toLocaleString()} by {e.createdBy}; last changed {new Date(e.updatedAt).toLocaleString()} by {e.updatedBy}.
      </p>
      <ConfirmDialog
        open={confirming}
        title={`Remove ${e.name}?`}
        confirmLabel="Remove environment"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          try {
            await remove.mutateAsync(e.version);
            router.push("/environments");
          } catch {
            setConfirming(false);
          }
        }}
      >
        <p>This removes {e.name} from the console&apos;s registry. Its AWS resources (tables, user pool, roles) are left as they are.</p>
        {remove.isError ? <p className="mt-2 text-red-700 dark:text-red-400">{remove.error.message}</p> : null}
      </ConfirmDialog>
      {remove.isError ? <div className="mt-4"><Alert tone="error">{remove.error.message}</Alert></div> : null}
    </>
  );
}
