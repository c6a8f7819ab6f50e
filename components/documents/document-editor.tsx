"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ConflictPanel } from "@/components/documents/conflict-panel";
import { asDocumentView, modelFromDocument } from "@/components/documents/display";
import {
  documentsHref,
  sourceSearchFor,
  useCreateDocument,
  useDeleteDocument,
  useDocument,
  useDocumentBlueprint,
  useUpdateDocument,
  type DocsRef,
} from "@/components/documents/queries";
import type { DocumentValues } from "@/lib/blueprints/document-schema";
import { defaultValues } from "@/lib/blueprints/form-values";
import type { JsonValue } from "@/lib/blueprints/types";
import type { DocumentView } from "@/lib/documents/schema";
import { ApiError } from "@/lib/http/client";

// The renderer (react-hook-form, widgets, React Aria) loads after the page, keeping first-load JS small.
const BlueprintForm = dynamic(() => import("@/components/blueprints/form/blueprint-form").then((m) => m.BlueprintForm), {
  ssr: false,
  loading: () => <p role="status">Loading the form…</p>,
});

const back = "text-sm text-blue-700 underline underline-offset-2 dark:text-blue-300";

function FolderField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <div className="mb-6 max-w-md">
      <TextField label="Folder" name="path" placeholder="reports/2025" hint="Optional. Folders are separated by /; documents with a folder can be browsed by folder." value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function NewDocument(ref: DocsRef) {
  const router = useRouter();
  const blueprint = useDocumentBlueprint(ref.env, ref.blueprint);
  const model = useMemo(() => (blueprint.data ? modelFromDocument(blueprint.data.blueprint, blueprint.data.languages) : null), [blueprint.data]);
  const create = useCreateDocument(ref);
  const [path, setPath] = useState("");
  const sourceSearch = useMemo(() => sourceSearchFor(ref.env, ref.portfolio), [ref.env, ref.portfolio]);

  return (
    <>
      <PageHeader title={`New ${model?.label || ref.blueprint} document`} description={<Link href={documentsHref(ref)} className={back}>Back to the list</Link>} />
      {blueprint.isError ? <Alert tone="error">{blueprint.error.message}</Alert> : null}
      {blueprint.isPending ? <p role="status">Loading the blueprint…</p> : null}
      {blueprint.data && !model ? <Alert tone="error">This blueprint cannot be rendered; open it in the blueprint editor.</Alert> : null}
      {model ? (
        <>
          <FolderField value={path} onChange={setPath} />
          <BlueprintForm
            model={model}
            sourceSearch={sourceSearch}
            submitLabel="Create document"
            onSubmit={async (values: DocumentValues) => {
              const doc = await create.mutateAsync({ values, path });
              router.push(documentsHref(ref, `/${encodeURIComponent(doc.id)}?created=1`));
            }}
          />
        </>
      ) : null}
    </>
  );
}

export function EditDocument({ docId, ...ref }: DocsRef & { docId: string }) {
  const router = useRouter();
  const created = useSearchParams().get("created") === "1";
  const loaded = useDocument(ref, docId);
  // The version being edited: the loaded one, then whatever this page saved or chose.
  const [chosen, setChosen] = useState<DocumentView | null>(null);
  const base = chosen ?? loaded.data ?? null;
  const blueprint = useDocumentBlueprint(ref.env, ref.blueprint, base ? { irn: base.blueprintIrn, version: base.blueprintVersion } : undefined, Boolean(base));
  const model = useMemo(() => (blueprint.data ? modelFromDocument(blueprint.data.blueprint, blueprint.data.languages) : null), [blueprint.data]);
  const update = useUpdateDocument(ref, docId);
  const remove = useDeleteDocument(ref, docId);
  const [path, setPath] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ mine: DocumentValues; theirs: DocumentView } | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const sourceSearch = useMemo(() => sourceSearchFor(ref.env, ref.portfolio), [ref.env, ref.portfolio]);
  const formValues = useMemo(() => (model && base ? defaultValues(model, base.values as Record<string, JsonValue>) : undefined), [model, base]);

  if (loaded.isError) return <Alert tone="error" title="Cannot show this document">{loaded.error.message}</Alert>;
  if (!base) return <p role="status">Loading the document…</p>;
  const folder = path ?? base.path;

  async function save(values: DocumentValues, revision: number) {
    setSaved(false);
    try {
      const doc = await update.mutateAsync({ values, path: folder, revision });
      setConflict(null);
      setChosen(doc);
      setPath(null);
      setSaved(true);
    } catch (err) {
      const current = err instanceof ApiError && err.status === 409 ? asDocumentView(err.details?.current) : null;
      if (current) {
        setConflict({ mine: values, theirs: current });
        return;
      }
      throw err;
    }
  }

  return (
    <>
      <PageHeader
        title={`${model?.label || ref.blueprint} document`}
        description={<>Revision {base.revision} · last saved {new Date(base.updatedAt).toLocaleString()} by {base.updatedBy || "unknown"} · <Link href={documentsHref(ref)} className={back}>Back to the list</Link></>}
        actions={<Button variant="danger" onClick={() => setConfirming(true)}>Delete</Button>}
      />
      {created ? <div className="mb-4"><Alert tone="success">The document was created.</Alert></div> : null}
      {saved ? <div className="mb-4"><Alert tone="success">Saved. This is now revision {base.revision}.</Alert></div> : null}
      {blueprint.isError ? <Alert tone="error">{blueprint.error.message}</Alert> : null}
      {conflict && model ? (
        <ConflictPanel
          model={model}
          theirs={conflict.theirs}
          mine={conflict.mine}
          busy={update.isPending}
          onKeepTheirs={() => {
            setChosen(conflict.theirs);
            setPath(null);
            setConflict(null);
          }}
          onSaveMine={() => void save(conflict.mine, conflict.theirs.revision).catch(() => setConflict(null))}
        />
      ) : null}
      {model && formValues ? (
        <>
          <FolderField value={folder} onChange={setPath} />
          <BlueprintForm
            key={`${base.revision}:${base.updatedAt}`}
            model={model}
            defaultValues={formValues}
            sourceSearch={sourceSearch}
            submitLabel="Save changes"
            onSubmit={(values: DocumentValues) => save(values, base.revision)}
          />
        </>
      ) : (
        <p role="status">Loading the blueprint…</p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Delete this document?"
        confirmLabel="Delete document"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          try {
            await remove.mutateAsync(base.revision);
            router.push(documentsHref(ref));
          } catch {
            setConfirming(false);
          }
        }}
      >
        <p>This deletes the document for good. Anything that refers to it (a source-backed field of another document) will point at nothing.</p>
      </ConfirmDialog>
      {remove.isError ? <div className="mt-4"><Alert tone="error">{remove.error.message}</Alert></div> : null}
    </>
  );
}
