"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { CopyButton } from "@/components/provisioning/copy-button";
import { useCreateInstaller, useRevealSecret, useRevokeSessions, useTestEmail, useZappaSettings } from "@/components/provisioning/queries";
import type { ChecklistRow } from "@/lib/provisioning/model";

/** The actions a row offers beyond apply: step 1 self-service, 5c, 6, 7 and 9. */
export function RowActions({ env, row, onChanged }: { env: string; row: ChecklistRow; onChanged: () => void }) {
  if (row.id === "1" && row.status === "manual") return <CreateInstaller env={env} onChanged={onChanged} />;
  if (row.id === "5c" && row.status === "done") return <RevokeSessions env={env} />;
  if (row.id === "6" && row.status === "done") return <ZappaSettings env={env} />;
  if (row.id === "7" && row.status === "done") return <TestEmail env={env} />;
  if (row.id === "9" && row.status === "done") return <RevealSecret env={env} />;
  return null;
}

function Secret({ keyId, secret }: { keyId: string; secret: string }) {
  return (
    <Alert tone="warning" title="Copy the secret now: it is not shown again without another audited reveal.">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 font-mono text-xs">
        <dt>Access key id</dt>
        <dd data-testid="revealed-key-id">{keyId}</dd>
        <dt>Secret access key</dt>
        <dd data-testid="revealed-secret" className="break-all">{secret}</dd>
      </dl>
    </Alert>
  );
}

function CreateInstaller({ env, onChanged }: { env: string; onChanged: () => void }) {
  const create = useCreateInstaller(env);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant="secondary" busy={create.isPending} onClick={() => create.mutate(undefined, { onSuccess: onChanged })}>
          Create the installer with the console&apos;s credentials
        </Button>
      </div>
      {create.isError ? <Alert tone="error">{create.error.message}</Alert> : null}
      {create.data ? <Secret keyId={create.data.accessKeyId} secret={create.data.secretAccessKey} /> : null}
    </div>
  );
}

function RevokeSessions({ env }: { env: string }) {
  const revoke = useRevokeSessions(env);
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant="danger" onClick={() => setOpen(true)}>Revoke sessions</Button>
      </div>
      {revoke.isError ? <Alert tone="error">{revoke.error.message}</Alert> : null}
      {revoke.data ? <Alert tone="success">Sessions issued before {revoke.data.revokedAt} are now denied.</Alert> : null}
      <ConfirmDialog
        open={open}
        title="Revoke every session of the role?"
        confirmLabel="Revoke sessions"
        busy={revoke.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => revoke.mutate(undefined, { onSettled: () => setOpen(false) })}
      >
        <p>Running Lambda functions lose their current credentials and must get new ones. Use this when credentials may have leaked.</p>
      </ConfirmDialog>
    </div>
  );
}

function ZappaSettings({ env }: { env: string }) {
  const [show, setShow] = useState(false);
  const settings = useZappaSettings(env, show);
  const text = settings.data ? JSON.stringify(settings.data, null, 4) : "";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => setShow(!show)} aria-expanded={show}>{show ? "Hide" : "Show"} zappa_settings.json</Button>
        <a className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm hover:bg-slate-100" href={`/api/environments/${encodeURIComponent(env)}/zappa-settings?download=1`}>
          Download
        </a>
        {text ? <CopyButton text={text} /> : null}
      </div>
      {settings.isError ? <Alert tone="error">{settings.error.message}</Alert> : null}
      {show && text ? <pre aria-label="zappa_settings.json" className="max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{text}</pre> : null}
    </div>
  );
}

function TestEmail({ env }: { env: string }) {
  const send = useTestEmail(env);
  const [to, setTo] = useState("");
  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate(to);
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end" aria-label="Send a test email">
      <TextField label="Send a test email to" type="email" value={to} onChange={(e) => setTo(e.target.value)} error={send.error?.message} />
      <div>
        <Button type="submit" variant="secondary" busy={send.isPending}>Send test email</Button>
      </div>
      {send.data ? <p role="status" className="text-sm text-green-800">Sent (message {send.data.messageId}).</p> : null}
    </form>
  );
}

function RevealSecret({ env }: { env: string }) {
  const reveal = useRevealSecret(env);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant="secondary" busy={reveal.isPending} onClick={() => reveal.mutate()}>Reveal the secret (audited)</Button>
      </div>
      {reveal.isError ? <Alert tone="error">{reveal.error.message}</Alert> : null}
      {reveal.data ? <Secret keyId={reveal.data.accessKeyId} secret={reveal.data.secretAccessKey} /> : null}
    </div>
  );
}
