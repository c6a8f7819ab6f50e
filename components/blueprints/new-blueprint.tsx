"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/http/client";
import type { JsonObject } from "@/lib/blueprints/json-text";
import { BlueprintEditor } from "@/components/blueprints/editor/blueprint-editor";
import { newField } from "@/components/blueprints/editor/editor-state";
import { knownFrom } from "@/components/blueprints/edit-draft";
import { ImportPanel } from "@/components/blueprints/import-panel";
import { blueprintHref, blueprintsHref } from "@/components/blueprints/links";
import { useBlueprints, useCreateBlueprint } from "@/components/blueprints/queries";

/** A new blueprint starts as draft 0.0.1 with the seed's set of properties and one text field. */
function template(): JsonObject {
  return {
    irn: "",
    version: "0.0.1",
    added: new Date().toISOString(),
    blueprint_origin: "",
    description: "",
    fields: [newField([])],
    handle: "",
    label: "",
    license: "",
    name: "",
    public: false,
    singleton: false,
    status: "draft",
    uri: "",
    _id: crypto.randomUUID(),
  };
}

export function NewBlueprint({ env }: { env: string }) {
  const router = useRouter();
  const list = useBlueprints(env);
  const create = useCreateBlueprint(env);
  const [initial] = useState(template);
  const known = useMemo(() => knownFrom(list.data), [list.data]);
  const serverErrors = create.error instanceof ApiError && create.error.status === 400 ? create.error.fieldErrors : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" href={blueprintsHref(env)}>← Blueprints of {env}</Link>
      </p>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">New blueprint in {env}</h1>
      <div className="mb-6">
        <ImportPanel env={env} />
      </div>
      <h2 className="mb-2 text-lg font-semibold">Or design one</h2>
      {create.error && !serverErrors ? <div className="mb-4"><Alert tone="error">{create.error.message}</Alert></div> : null}
      <BlueprintEditor
        initial={initial}
        known={known}
        isNew
        saveLabel="Create draft"
        saving={create.isPending}
        serverErrors={serverErrors}
        onSave={async (document) => {
          const saved = await create.mutateAsync({ document, verbatim: false }).catch(() => undefined);
          if (saved) router.push(blueprintHref(env, saved.irn, saved.version));
        }}
      />
    </>
  );
}
