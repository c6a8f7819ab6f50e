"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { VersionSummary } from "@/lib/blueprints/schema";
import { DiffView } from "@/components/blueprints/diff-view";
import { ImpactView } from "@/components/blueprints/impact-view";
import { SelectInput } from "@/components/blueprints/editor/inputs";
import { useDiff, useImpact } from "@/components/blueprints/queries";

/** The diff against another version, and what this version would mean for existing documents. */
export function ChangesPanel({ env, irn, version, versions }: { env: string; irn: string; version: string; versions: VersionSummary[] }) {
  const others = versions.filter((v) => v.version !== version);
  const index = versions.findIndex((v) => v.version === version);
  const previous = versions.slice(0, Math.max(index, 0)).filter((v) => v.status === "final").at(-1) ?? others.at(-1);
  const [against, setAgainst] = useState(previous?.version);
  const diff = useDiff(env, irn, against, version);
  const impact = useImpact(env, irn, version, against);
  if (!others.length) return <p className="text-sm">This is the only version, so there is nothing to compare.</p>;
  return (
    <div className="flex flex-col gap-4">
      <div className="max-w-xs">
        <SelectInput label="Compare with version" value={against ?? ""} onChange={setAgainst} options={others.map((v) => ({ value: v.version, label: `${v.version} (${v.status})` }))} />
      </div>
      {diff.isError ? <Alert tone="error">{diff.error.message}</Alert> : null}
      {diff.isPending ? <p role="status">Comparing…</p> : null}
      {diff.data ? <DiffView diff={diff.data} /> : null}
      {impact.isError ? <Alert tone="error">{impact.error.message}</Alert> : null}
      {impact.isPending ? <p role="status">Checking documents…</p> : null}
      {impact.data ? <ImpactView impact={impact.data} /> : null}
    </div>
  );
}
