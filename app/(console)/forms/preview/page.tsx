import type { Metadata } from "next";
import schdJobs from "@/blueprints/irma-schd-jobs.json";
import schdRuns from "@/blueprints/irma-schd-runs.json";
import sysEntities from "@/blueprints/sys-entities.json";
import { FormPreview } from "@/components/blueprints/form/form-preview";
import { PageHeader } from "@/components/ui/page-header";
import { kitchenSinkBlueprint, payloadBlueprint } from "@/lib/blueprints/samples";
import { parseBlueprint, type Blueprint } from "@/lib/blueprints/types";

export const metadata: Metadata = { title: "Form preview" };

function seed(raw: unknown): Blueprint[] {
  const parsed = parseBlueprint(raw);
  return parsed.success ? [parsed.data] : [];
}

/** Dev and test page for the blueprint form renderer (no AWS calls). */
export default function FormPreviewPage() {
  const blueprints = [...seed(sysEntities), ...seed(schdJobs), ...seed(schdRuns), kitchenSinkBlueprint(), payloadBlueprint()];
  return (
    <>
      <PageHeader title="Form preview" description="The blueprint form renderer on the seed blueprints and generated ones. Nothing is saved." />
      <FormPreview blueprints={blueprints} />
    </>
  );
}
