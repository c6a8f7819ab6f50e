"use client";

import { Alert } from "@/components/ui/alert";
import { useMailbox } from "@/components/console-users/queries";
import { card, muted } from "@/components/entities/styles";

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
        <li key={m.id} className={card} data-testid="mail">
          <details>
            <summary className="cursor-pointer">
              <span className="font-medium">{m.subject || "(no subject)"}</span>
              <span className={`block text-sm ${muted}`}>To {m.to.join(", ")} · from {m.from}</span>
            </summary>
            <div className="mt-3">
              {m.format === "html" ? (
                <iframe title={`Email: ${m.subject}`} sandbox="" srcDoc={m.body} className="h-96 w-full rounded border border-slate-200 bg-white dark:border-slate-700" />
              ) : (
                <pre className="whitespace-pre-wrap break-words text-sm">{m.body}</pre>
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
