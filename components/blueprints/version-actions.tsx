"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { nextVersion } from "@/lib/blueprints/lifecycle";
import type { StoredBlueprint, VersionSummary } from "@/lib/blueprints/schema";
import { BUMPS, type Bump } from "@/lib/blueprints/versions";
import { blueprintHref, blueprintsHref } from "@/components/blueprints/links";
import { useDeleteDraft, usePublish, useStartVersion, versionPath } from "@/components/blueprints/queries";

/** Publish, delete a draft, start a new version, export: the actions on one version, each confirmed. */
type Dialog = "publish" | "delete" | "new" | null;

const linkButton = "rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

export function VersionActions({ env, stored, versions }: { env: string; stored: StoredBlueprint; versions: VersionSummary[] }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [bump, setBump] = useState<Bump>("patch");
  const publish = usePublish(env, stored.irn, stored.version);
  const remove = useDeleteDraft(env, stored.irn, stored.version);
  const start = useStartVersion(env, stored.irn);
  const openDraft = versions.find((v) => v.status === "draft");
  const failure = publish.error ?? remove.error ?? start.error;

  async function confirm() {
    try {
      if (dialog === "publish") await publish.mutateAsync(stored.revision);
      if (dialog === "delete") {
        await remove.mutateAsync(stored.revision);
        router.push(versions.length > 1 ? blueprintHref(env, stored.irn) : blueprintsHref(env));
      }
      if (dialog === "new") {
        const created = await start.mutateAsync({ from: stored.version, bump });
        router.push(blueprintHref(env, created.irn, created.version, "edit"));
      }
    } finally {
      setDialog(null);
    }
  }

  return (
    <>
      <div className="flex flex-wrap gap-2">
        {stored.status === "draft" ? (
          <>
            <a href={blueprintHref(env, stored.irn, stored.version, "edit")} className="rounded-md bg-blue-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-blue-800">
              Edit draft
            </a>
            <Button variant="secondary" onClick={() => setDialog("publish")}>Publish…</Button>
            <Button variant="danger" onClick={() => setDialog("delete")}>Delete draft…</Button>
          </>
        ) : openDraft ? (
          <a href={blueprintHref(env, stored.irn, openDraft.version, "edit")} className={linkButton}>
            Edit open draft {openDraft.version}
          </a>
        ) : (
          <Button onClick={() => setDialog("new")}>New version…</Button>
        )}
        <a href={`${versionPath(env, stored.irn, stored.version)}/export`} download className={linkButton}>
          Export JSON
        </a>
      </div>
      {failure ? <div className="mt-3"><Alert tone="error">{failure.message}</Alert></div> : null}
      {dialog ? (
        <ConfirmDialog
          open
          title={dialog === "publish" ? `Publish ${stored.version}?` : dialog === "delete" ? `Delete draft ${stored.version}?` : `Start a new version from ${stored.version}?`}
          confirmLabel={dialog === "publish" ? "Publish" : dialog === "delete" ? "Delete draft" : "Start new version"}
          busy={publish.isPending || remove.isPending || start.isPending}
          onCancel={() => setDialog(null)}
          onConfirm={confirm}
        >
          {dialog === "publish" ? <p>A final version never changes again; later edits start a new version. Check the Changes tab for the impact on existing documents first.</p> : null}
          {dialog === "delete" ? <p>The draft and its edits are removed. Final versions are not affected.</p> : null}
          {dialog === "new" ? (
            <fieldset>
              <legend className="mb-2">The new draft copies {stored.version}. Which part of the version grows?</legend>
              {BUMPS.map((b) => (
                <label key={b} className="flex items-center gap-2 py-1">
                  <input type="radio" name="bump" value={b} checked={bump === b} onChange={() => setBump(b)} className="accent-blue-700" />
                  {b} → <span className="font-mono">{nextVersion(versions, b)}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
