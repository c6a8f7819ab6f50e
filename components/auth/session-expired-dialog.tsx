"use client";

import { useEffect, useRef } from "react";
import { SignInFlow } from "@/components/auth/sign-in-form";
import { Button } from "@/components/ui/button";

/**
 * Shown over the page when a request answers 401: the session ended (expired,
 * signed out elsewhere) while the user was working. Signing in here keeps the
 * page, and any form on it with what was typed; the request that failed goes
 * again (lib/http/client.ts). "Leave" goes to the sign-in page instead.
 */
export function SessionExpiredDialog({ open, onSignedIn, onLeave }: { open: boolean; onSignedIn: () => void; onLeave: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="session-expired-title"
      aria-describedby="session-expired-text"
      onCancel={(e) => {
        e.preventDefault();
        onLeave();
      }}
      className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? (
        <div className="flex flex-col gap-4 p-6">
          <h2 id="session-expired-title" className="text-lg font-semibold">
            Your session has ended
          </h2>
          <p id="session-expired-text" className="text-sm text-slate-700 dark:text-slate-300">
            Sign in again to carry on. What you typed on this page is kept, and what you were saving is sent again.
          </p>
          <SignInFlow onSignedIn={onSignedIn} />
          <Button variant="secondary" onClick={onLeave}>
            Leave this page and sign in
          </Button>
        </div>
      ) : null}
    </dialog>
  );
}
