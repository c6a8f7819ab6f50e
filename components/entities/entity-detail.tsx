"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { useEntity, useEntityAction, useUpdateEntity } from "@/components/entities/queries";
import { MembersPanel } from "@/components/entities/members-panel";
import { PortfolioDocuments } from "@/components/entities/portfolio-documents";
import { card, link, muted } from "@/components/entities/styles";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { defaultValues } from "@/lib/blueprints/form-values";
import type { Blueprint, JsonValue } from "@/lib/blueprints/types";
import type { Entity } from "@/lib/entities/schema";
import type { EntityBlueprintSource } from "@/lib/entities/blueprint";

// The form renderer loads after the page, as on the documents pages.
const BlueprintForm = dynamic(() => import("@/components/blueprints/form/blueprint-form").then((m) => m.BlueprintForm), {
  ssr: false,
  loading: () => <p role="status">Loading the form…</p>,
});

/** Fields the server fills or keeps (the console's own and Cognito's): shown, never edited here. */
const READ_ONLY = ["owner_id", "added", "modified", "irn", "raw_id", "is_active", "type", "last_ip", "last_login"] as const;

const BUNDLED_WHY = {
  none: "this environment has no final version of it in its blueprints table",
  unreadable: "this environment's blueprints table could not be read",
  invalid: "this environment's version could not be read as a blueprint",
} as const;

export function EntityDetail({ env, type, id, blueprint, blueprintSource, canManage }: { env: string; type: string; id: string; blueprint: Blueprint; blueprintSource: EntityBlueprintSource; canManage: boolean }) {
  const detail = useEntity(env, type, id);
  const update = useUpdateEntity(env, type, id);
  const action = useEntityAction(env, type, id);
  const [saved, setSaved] = useState(false);
  // What the dialog confirms is fixed when it opens, so a refetch while it closes cannot flip its wording.
  const [confirm, setConfirm] = useState<"deactivate" | "reactivate" | null>(null);
  const model = useMemo(() => buildFormModel(blueprint, { languages: ["en"] }), [blueprint]);

  if (detail.isError) return <Alert tone="error" title="Cannot show this entity">{detail.error.message}</Alert>;
  if (!detail.data) return <p role="status">Loading…</p>;
  const e = detail.data.entity;
  const isGroup = e.type === "team" || e.type === "org" || e.type === "portfolio";
  const values = defaultValues(model, { ...(e as unknown as Record<string, JsonValue>) });

  return (
    <>
      <PageHeader
        title={e.name}
        description={
          <>
            <Link className={link} href={`/environments/${env}/entities?type=${e.type}`}>{e.type}</Link> · version {e.version}
            {e.archived ? " · archived" : ""}
            {e.is_active === "false" ? " · inactive" : ""}
          </>
        }
        actions={
          canManage ? (
            e.type === "user" ? (
              <Button variant={e.is_active === "false" ? "secondary" : "danger"} onClick={() => setConfirm(e.is_active === "false" ? "reactivate" : "deactivate")}>
                {e.is_active === "false" ? "Reactivate" : "Deactivate"}
              </Button>
            ) : isGroup ? (
              <Button variant="secondary" busy={action.isPending} onClick={() => action.mutate({ kind: "archive", archived: !e.archived, version: e.version })}>
                {e.archived ? "Restore" : "Archive"}
              </Button>
            ) : null
          ) : null
        }
      />
      {action.isError ? <div className="mb-4"><Alert tone="error">{action.error.message}</Alert></div> : null}
      {saved ? <div className="mb-4"><Alert tone="success">Saved. This is now version {e.version}.</Alert></div> : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="entity-fields" className={card}>
          <h2 id="entity-fields" className="mb-1 text-lg font-semibold">Fields</h2>
          <p className={`mb-4 text-sm ${muted}`} data-testid="entity-blueprint-source">
            {blueprintSource.kind === "environment"
              ? `As described by this environment's entities blueprint, version ${blueprintSource.version}.`
              : `As described by the bundled entities blueprint (the setup document's version): ${BUNDLED_WHY[blueprintSource.reason]}.`}
          </p>
          <BlueprintForm
            key={e.version}
            model={model}
            defaultValues={values}
            readOnlyFields={READ_ONLY}
            disabled={!canManage}
            submitLabel="Save changes"
            onSubmit={async (doc) => {
              setSaved(false);
              await update.mutateAsync({ ...editable(doc), version: e.version });
              setSaved(true);
            }}
          />
        </section>
        <div className="flex min-w-0 flex-col gap-6">
          <MembersPanel env={env} entity={e} memberships={detail.data.memberships} canManage={canManage} />
          {e.type === "portfolio" ? <PortfolioDocuments env={env} portfolioId={e.id} /> : null}
        </div>
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "reactivate" ? `Reactivate ${e.name}?` : `Deactivate ${e.name}?`}
        confirmLabel={confirm === "reactivate" ? "Reactivate" : "Deactivate"}
        busy={action.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => action.mutate({ kind: "active", active: confirm === "reactivate" }, { onSettled: () => setConfirm(null) })}
      >
        <p className={muted}>
          {confirm === "reactivate" ? "The Cognito user is enabled again and can sign in." : "The Cognito user is disabled and signed out everywhere; they cannot sign in until reactivated."}
        </p>
      </ConfirmDialog>
    </>
  );
}

function editable(doc: Record<string, JsonValue>): Partial<Record<keyof Entity, string>> {
  const out: Record<string, string> = {};
  for (const key of ["name", "about", "handle", "location", "email", "language", "slot_a", "slot_b", "slot_c", "slot_d", "slot_e"]) {
    const v = doc[key];
    out[key] = typeof v === "string" ? v : "";
  }
  return out;
}
