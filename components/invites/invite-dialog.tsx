"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormDialog } from "@/components/entities/form-dialog";
import { useEntityPage } from "@/components/entities/queries";
import { InviteForm } from "@/components/invites/invite-form";
import { useInvite } from "@/components/invites/queries";
import type { Invite } from "@/lib/invites/schema";

export function InviteDialog({ env }: { env: string }) {
  const teams = useEntityPage(env, { type: "team", limit: 100 });
  const invite = useInvite(env);
  const [last, setLast] = useState<Invite | undefined>();
  return (
    <>
      <FormDialog label="Invite user" title={`Invite a user to ${env}`}>
        {(close) => (
          <InviteForm
            teams={(teams.data?.items ?? []).filter((t) => !t.archived)}
            defaultValues={{ email: "", name: "", language: "", teams: [] }}
            onSubmit={async (values) => {
              setLast(await invite.mutateAsync(values));
              close();
            }}
          />
        )}
      </FormDialog>
      {last ? (
        <div className="fixed bottom-4 right-4 z-40 max-w-sm">
          <Alert tone={last.failure ? "warning" : "success"} title={last.failure ? `Invite to ${last.email} stopped at the ${last.failure.step} step` : `Invitation sent to ${last.email}`}>
            {last.failure ? `${last.failure.reason} Retry it from the invite ledger.` : null}
          </Alert>
        </div>
      ) : null}
    </>
  );
}
