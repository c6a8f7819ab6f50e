"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/http/client";
import type { BlueprintSummary, StoredBlueprint } from "@/lib/blueprints/schema";
import type { KnownBlueprint } from "@/lib/blueprints/validate";
import { BlueprintEditor } from "@/components/blueprints/editor/blueprint-editor";
import { blueprintHref, irnOf } from "@/components/blueprints/links";
import { useBlueprints, useBlueprintVersion, useSaveDraft, useVersions } from "@/components/blueprints/queries";

export function knownFrom(list: BlueprintSummary[] | undefined, exceptIrn?: string): KnownBlueprint[] {
  return (list ?? []).filter((b) => b.irn !== exceptIrn).map((b) => ({ name: b.name, fields: b.fieldNames }));
}

/** Editing a draft: saves at the revision loaded; a stale save says so and offers the other version. */
export function EditDraft({ env, handle, name }: { env: string; handle: string; name: string }) {
  const irn = irnOf(handle, name);
  const versions = useVersions(env, irn);
  const version = useSearchParams().get("v") ?? versions.data?.find((v) => v.status === "draft")?.version;
  const stored = useBlueprintVersion(env, irn, version);
  const list = useBlueprints(env);
  const [generation, setGeneration] = useState(0);
  const known = useMemo(() => knownFrom(list.data, irn), [list.data, irn]);

  if (versions.isError) return <Alert tone="error">{versions.error.message}</Alert>;
  if (stored.isError) return <Alert tone="error">{stored.error.message}</Alert>;
  if (!versions.data) return <p role="status">Loading {irn}…</p>;
  if (!version) return <Alert tone="info" title="No open draft">Start a new version from the <Link className="underline" href={blueprintHref(env, irn)}>blueprint page</Link>.</Alert>;
  if (!stored.data) return <p role="status">Loading {irn} {version}…</p>;
  const bp = stored.data;
  if (bp.status === "final") {
    return (
      <Alert tone="info" title={`${version} is final`}>
        A final version never changes. Start a new version from the <Link className="underline" href={blueprintHref(env, irn, version)}>blueprint page</Link>.
      </Alert>
    );
  }
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" href={blueprintHref(env, irn, version)}>← {irn} {version}</Link>
      </p>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Edit draft {version}</h1>
      <DraftSession
        key={generation}
        env={env}
        bp={bp}
        known={known}
        onReload={async () => {
          await stored.refetch();
          setGeneration((g) => g + 1);
        }}
      />
    </>
  );
}

/**
 * One editing session. The revision is pinned when the session starts (a
 * background refetch must not make a stale save look fresh) and moves only
 * with this session's own saves.
 */
function DraftSession({ env, bp, known, onReload }: { env: string; bp: StoredBlueprint; known: KnownBlueprint[]; onReload: () => void }) {
  const save = useSaveDraft(env, bp.irn, bp.version);
  const [revision, setRevision] = useState(bp.revision);
  const [initial] = useState(bp.document);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const serverErrors = save.error instanceof ApiError && save.error.status === 400 ? save.error.fieldErrors : undefined;
  return (
    <>
      {savedAt ? <div className="mb-4"><Alert tone="success">Saved at {savedAt}.</Alert></div> : null}
      {conflict ? (
        <div className="mb-4">
          <Alert tone="error" title="Not saved: someone else saved this draft since you opened it">
            <p>Your edits are still here. Load their version to see it (your edits are then discarded), or copy what you need first.</p>
            <Button variant="secondary" className="mt-2" onClick={onReload}>
              Load their version
            </Button>
          </Alert>
        </div>
      ) : save.error && !serverErrors ? (
        <div className="mb-4"><Alert tone="error">{save.error.message}</Alert></div>
      ) : null}
      <BlueprintEditor
        initial={initial}
        known={known}
        isNew={false}
        saveLabel="Save draft"
        saving={save.isPending}
        serverErrors={serverErrors}
        onSave={async (document) => {
          setSavedAt(null);
          const saved = await save.mutateAsync({ document, revision }).catch(() => undefined);
          if (saved) {
            setRevision(saved.revision);
            setSavedAt(new Date().toLocaleTimeString());
          }
        }}
      />
    </>
  );
}
