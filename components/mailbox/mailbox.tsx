"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { useMailbox } from "@/components/console-users/queries";
import { card, muted } from "@/components/entities/styles";
import type { Mail } from "@/lib/mailbox/schema";

/**
 * The sandbox's outbox: what the emulator's SES accepted, newest first. HTML
 * is shown in a sandboxed iframe (no scripts, no same-origin, no navigation);
 * anything else as text.
 */
export function Mailbox() {
  const mails = useMailbox();
  if (mails.isError) return <Alert tone="error">{mails.error.message}</Alert>;
  if (!mails.data) return <p role="status">Loading the mailbox…</p>;
  if (mails.data.length === 0) return <p className={muted}>No email sent yet.</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Sent emails">
      {mails.data.map((m) => (
        <MailItem key={m.id} mail={m} />
      ))}
    </ul>
  );
}

/** The body is rendered only while open: one sandboxed frame at a time, not one per message. */
function MailItem({ mail: m }: { mail: Mail }) {
  const [open, setOpen] = useState(false);
  return (
    <li className={card} data-testid="mail">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer">
          <span className="font-medium">{m.subject || "(no subject)"}</span>
          <span className={`block text-sm ${muted}`}>To {m.to.join(", ")} · from {m.from}</span>
        </summary>
        {open ? (
          <div className="mt-3">
            {m.format === "html" ? (
              <iframe title={`Email: ${m.subject}`} sandbox="" srcDoc={m.body} className="h-96 w-full rounded border border-slate-200 bg-white dark:border-slate-700" />
            ) : (
              <pre className="whitespace-pre-wrap break-words text-sm">{m.body}</pre>
            )}
          </div>
        ) : null}
      </details>
    </li>
  );
}
