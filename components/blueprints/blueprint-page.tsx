"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { Alert } from "@/components/ui/alert";
import { exportBlueprintText } from "@/lib/blueprints/json-text";
import { ChangesPanel } from "@/components/blueprints/changes-panel";
import { CopyButton } from "@/components/provisioning/copy-button";
import { SelectInput } from "@/components/blueprints/editor/inputs";
import { FieldTable } from "@/components/blueprints/field-table";
import { blueprintHref, blueprintsHref, irnOf } from "@/components/blueprints/links";
import { useBlueprintVersion, useVersions } from "@/components/blueprints/queries";
import { StatusPill } from "@/components/blueprints/status-pill";
import { VersionActions } from "@/components/blueprints/version-actions";

// The form renderer loads when its tab is first shown, not with the page.
const LivePreview = dynamic(() => import("@/components/blueprints/editor/live-preview").then((m) => m.LivePreview), {
  ssr: false,
  loading: () => <p role="status" className="text-sm">Loading the form…</p>,
});

const tabClass =
  "cursor-pointer rounded-t-md px-3 py-2 text-sm outline-none data-[selected]:border-b-2 data-[selected]:border-blue-700 data-[selected]:font-semibold data-[focus-visible]:ring-2 data-[focus-visible]:ring-blue-600 dark:data-[selected]:border-blue-300";

/** One blueprint: pick a version, see it as a field table, as JSON, as its form, and its changes. */
export function BlueprintPage({ env, handle, name }: { env: string; handle: string; name: string }) {
  const irn = irnOf(handle, name);
  const router = useRouter();
  const chosen = useSearchParams().get("v") ?? undefined;
  const versions = useVersions(env, irn);
  const version = chosen ?? versions.data?.at(-1)?.version;
  const stored = useBlueprintVersion(env, irn, version);

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
      <Tabs className="mt-6">
        <TabList aria-label="Views of this version" className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700">
          <Tab id="fields" className={tabClass}>Field table</Tab>
          <Tab id="json" className={tabClass}>JSON</Tab>
          <Tab id="form" className={tabClass}>Rendered form</Tab>
          <Tab id="changes" className={tabClass}>Changes and impact</Tab>
        </TabList>
        <TabPanel id="fields" className="pt-4">
          <FieldTable document={bp.document} />
        </TabPanel>
        <TabPanel id="json" className="flex flex-col gap-2 pt-4">
          <div>
            <CopyButton text={exportBlueprintText(bp.document)} label="Copy JSON" />
          </div>
          <pre className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-4 text-xs dark:border-slate-700 dark:bg-slate-900" tabIndex={0} aria-label="Blueprint JSON">
            {exportBlueprintText(bp.document)}
          </pre>
        </TabPanel>
        <TabPanel id="form" className="pt-4">
          <LivePreview document={bp.document} />
        </TabPanel>
        <TabPanel id="changes" className="pt-4">
          <ChangesPanel key={bp.version} env={env} irn={irn} version={bp.version} versions={versions.data} />
        </TabPanel>
      </Tabs>
    </>
  );
}
