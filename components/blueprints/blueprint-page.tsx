"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { exportBlueprintText } from "@/lib/blueprints/json-text";
import { CopyButton } from "@/components/provisioning/copy-button";
import { SelectInput } from "@/components/blueprints/editor/inputs";
import { FieldTable } from "@/components/blueprints/field-table";
import { blueprintHref, blueprintsHref, irnOf } from "@/components/blueprints/links";
import { useBlueprintVersion, useLanguages, useVersions } from "@/components/blueprints/queries";
import { StatusPill } from "@/components/blueprints/status-pill";
import { VersionActions } from "@/components/blueprints/version-actions";
import { ViewTabs } from "@/components/blueprints/view-tabs";

// The form renderer loads when its tab is first shown, not with the page.
const LivePreview = dynamic(() => import("@/components/blueprints/editor/live-preview").then((m) => m.LivePreview), {
  ssr: false,
  loading: () => <p role="status" className="text-sm">Loading the form…</p>,
});

const ChangesPanel = dynamic(() => import("@/components/blueprints/changes-panel").then((m) => m.ChangesPanel), {
  ssr: false,
  loading: () => <p role="status" className="text-sm">Loading…</p>,
});

const tabClass =
  "cursor-pointer rounded-t-md px-3 py-2 text-sm outline-none aria-selected:border-b-2 aria-selected:border-blue-700 aria-selected:font-semibold focus-visible:ring-2 focus-visible:ring-blue-600 dark:aria-selected:border-blue-300";

/** One blueprint: pick a version, see it as a field table, as JSON, as its form, and its changes. */
export function BlueprintPage({ env, handle, name }: { env: string; handle: string; name: string }) {
  const irn = irnOf(handle, name);
  const router = useRouter();
  const chosen = useSearchParams().get("v") ?? undefined;
  const versions = useVersions(env, irn);
  const version = chosen ?? versions.data?.at(-1)?.version;
  const stored = useBlueprintVersion(env, irn, version);
  const languages = useLanguages(env);

  if (versions.isError) return <Alert tone="error" title={`Cannot show ${irn}`}>{versions.error.message}</Alert>;
  if (stored.isError) return <Alert tone="error" title={`Cannot show ${irn} ${version ?? ""}`}>{stored.error.message}</Alert>;
  if (!versions.data || !stored.data) return <p role="status">Loading {irn}…</p>;
  const bp = stored.data;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" href={blueprintsHref(env)}>← Blueprints of {env}</Link>
      </p>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{typeof bp.document.label === "string" ? bp.document.label : name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
            <span className="break-all font-mono">{irn}</span> <StatusPill status={bp.status} />
            {bp.updatedBy ? <span>last saved by {bp.updatedBy}</span> : null}
          </p>
        </div>
        <div className="w-48">
          <SelectInput
            label="Version"
            value={bp.version}
            onChange={(v) => router.replace(blueprintHref(env, irn, v))}
            options={versions.data.map((v) => ({ value: v.version, label: `${v.version} (${v.status})` }))}
          />
        </div>
      </div>
      <VersionActions env={env} stored={bp} versions={versions.data} />
      {bp.issues.length ? (
        <div className="mt-4">
          <Alert tone="warning" title="Warnings">
            <ul className="list-disc pl-5">{bp.issues.map((i, n) => <li key={n}>{i.message}</li>)}</ul>
          </Alert>
        </div>
      ) : null}
      <ViewTabs
        className="mt-6"
        label="Views of this version"
        tabListClassName="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700"
        tabClassName={tabClass}
        tabs={[
          { id: "fields", label: "Field table", panelClassName: "pt-4", panel: <FieldTable document={bp.document} /> },
          {
            id: "json",
            label: "JSON",
            panelClassName: "flex flex-col gap-2 pt-4",
            panel: (
              <>
                <div>
                  <CopyButton text={exportBlueprintText(bp.document)} label="Copy JSON" />
                </div>
                <pre className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-4 text-xs dark:border-slate-700 dark:bg-slate-900" tabIndex={0} aria-label="Blueprint JSON">
                  {exportBlueprintText(bp.document)}
                </pre>
              </>
            ),
          },
          { id: "form", label: "Rendered form", panelClassName: "pt-4", panel: <LivePreview document={bp.document} languages={languages} /> },
          {
            id: "changes",
            label: "Changes and impact",
            panelClassName: "pt-4",
            panel: <ChangesPanel key={bp.version} env={env} irn={irn} version={bp.version} versions={versions.data} />,
          },
        ]}
      />
    </>
  );
}
