"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/field";
import { useCreateInstaller, useRevealSecret, useRevokeSessions, useTestEmail, useZappaSettings } from "@/components/provisioning/queries";
import type { ChecklistRow } from "@/lib/provisioning/model";

/**
 * The actions a finished row offers, shown without expanding it: 5c, 6, 7
 * and 9. What unfinished rows need lives in the "steps need you" panel.
 */
export function RowActions({ env, row }: { env: string; row: ChecklistRow }) {
  if (row.status !== "done") return null;
  if (row.id === "5c") return <RevokeSessions env={env} />;
  if (row.id === "6") return <ZappaSettings env={env} />;
  if (row.id === "7") return <TestEmail env={env} />;
  if (row.id === "9") return <RevealSecret env={env} />;
  return null;
}

function Secret({ keyId, secret }: { keyId: string; secret: string }) {
  return (
    <Alert tone="warning" title="Copy the secret now: it is not shown again without another audited reveal.">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 font-mono text-xs">
        <dt>Access key id</dt>
        <dd data-testid="revealed-key-id" className="break-all">{keyId}</dd>
        <dt>Secret access key</dt>
        <dd data-testid="revealed-secret" className="break-all">{secret}</dd>
      </dl>
    </Alert>
  );
}

export function CreateInstaller({ env, onChanged }: { env: string; onChanged: () => void }) {
  const create = useCreateInstaller(env);
  return (
    <div className="flex flex-col gap-2">
      {create.data ? (
        <>
          <Secret keyId={create.data.accessKeyId} secret={create.data.secretAccessKey} />
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {env} now uses this key ({create.data.userName}); step 9 can reveal it again, audited.
          </p>
          {/* The checklist is read again only when the secret has been seen: the row (and this) then goes away. */}
          <div><Button onClick={onChanged}>Continue</Button></div>
        </>
      ) : (
        <div>
          <Button busy={create.isPending} onClick={() => create.mutate()}>
            Create the installer
          </Button>
        </div>
      )}
      {create.isError ? <Alert tone="error">{create.error.message}</Alert> : null}
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
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setShow(!show)} aria-expanded={show}>{show ? "Hide" : "Show"} zappa_settings.json</Button>
        <a
          className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
          href={`/api/environments/${encodeURIComponent(env)}/zappa-settings?download=1`}
        >
          Download
        </a>
        {text ? <CopyButton text={text} /> : null}
      </div>
      {settings.isError ? <Alert tone="error">{settings.error.message}</Alert> : null}
      {show && text ? (
        // Focusable, so keyboard users can scroll it.
        <pre tabIndex={0} aria-label="zappa_settings.json" className="max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100 dark:bg-black">{text}</pre>
      ) : null}
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
      <div className="min-w-0 sm:w-72">
        <TextField label="Send a test email to" type="email" value={to} onChange={(e) => setTo(e.target.value)} error={send.error?.message} />
      </div>
      <div>
        <Button type="submit" variant="secondary" busy={send.isPending}>Send test email</Button>
      </div>
      {send.data ? <p role="status" className="break-all text-sm text-green-800 dark:text-green-300">Sent (message {send.data.messageId}).</p> : null}
    </form>
  );
}

function RevealSecret({ env }: { env: string }) {
  const reveal = useRevealSecret(env);
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div>
        <Button variant="secondary" busy={reveal.isPending} onClick={() => reveal.mutate()}>Reveal the secret (audited)</Button>
      </div>
      {reveal.isError ? <Alert tone="error">{reveal.error.message}</Alert> : null}
      {reveal.data ? <Secret keyId={reveal.data.accessKeyId} secret={reveal.data.secretAccessKey} /> : null}
    </div>
  );
}
