"use client";

import type { JsonObject } from "@/lib/blueprints/json-text";
import { text } from "@/lib/blueprints/raw-fields";
import type { EditorAction } from "@/components/blueprints/editor/editor-state";
import type { MessagesFor } from "@/components/blueprints/editor/field-properties";
import { CheckboxInput, TextInput } from "@/components/blueprints/editor/inputs";
import { irnOf, irnParts } from "@/components/blueprints/links";

/** The blueprint's own properties. A new blueprint's irn follows its handle and name; an existing one's never changes. */
export function MetadataFields({ meta, isNew, messages, dispatch }: { meta: JsonObject; isNew: boolean; messages: MessagesFor; dispatch: (a: EditorAction) => void }) {
  const set = (key: string, value: JsonObject[string] | undefined) => dispatch({ type: "meta", key, value });
  const irn = text(meta.irn);
  const setKey = (handle: string, name: string) => {
    set("handle", handle);
    set("name", name);
    set("irn", irnOf(handle, name));
  };
  return (
    <section aria-labelledby="bp-meta-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="bp-meta-heading" className="text-base font-semibold">Blueprint</h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <span className="font-mono">{irn || "irn:blueprint:<handle>:<name>"}</span> · version <span className="font-mono">{text(meta.version)}</span> · {text(meta.status) || "draft"}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {isNew ? (
          <>
            <TextInput label="Handle (owner)" mono value={irnParts(irn).handle || text(meta.handle)} onChange={(v) => setKey(v, text(meta.name))} {...messages("irn")} />
            <TextInput label="Name" mono value={text(meta.name)} onChange={(v) => setKey(irnParts(irn).handle || text(meta.handle), v)} {...messages("name")} hint="Documents and sources name the blueprint by it." />
          </>
        ) : (
          <TextInput label="Handle" mono value={text(meta.handle)} onChange={(v) => set("handle", v)} {...messages("handle")} />
        )}
        <TextInput label="Label" value={text(meta.label)} onChange={(v) => set("label", v)} {...messages("label")} />
        <TextInput label="License" value={text(meta.license)} onChange={(v) => set("license", v)} {...messages("license")} />
      </div>
      <TextInput label="Description" multiline value={text(meta.description)} onChange={(v) => set("description", v)} {...messages("description")} />
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <CheckboxInput label="Public" checked={meta.public === true} onChange={(v) => set("public", v)} />
        <CheckboxInput label="Singleton (one document per portfolio)" checked={meta.singleton === true} onChange={(v) => set("singleton", v)} />
      </div>
    </section>
  );
}
