"use client";

import dynamic from "next/dynamic";

/*
 * The invite and create dialogs (React Aria's modal, the forms and their
 * validation) load just after the page, behind a same-sized button, so the
 * list pages stay within their first-load budget.
 */
function Placeholder({ label }: { label: string }) {
  return (
    <span aria-hidden className="inline-flex items-center gap-2 rounded-md bg-blue-700 px-3.5 py-2 text-sm font-medium text-white">
      {label}
    </span>
  );
}

export const InviteDialog = dynamic(() => import("@/components/invites/invite-dialog").then((m) => m.InviteDialog), {
  ssr: false,
  loading: () => <Placeholder label="Invite user" />,
});

export const CreateEntityDialog = dynamic(() => import("@/components/entities/create-entity-dialog").then((m) => m.CreateEntityDialog), {
  ssr: false,
  loading: () => <Placeholder label="New" />,
});
