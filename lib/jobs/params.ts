import "server-only";
import { blueprintForNewDocuments } from "@/lib/documents/blueprint-version";
import { modelOf, validateValues } from "@/lib/documents/validate";
import { languagesOf } from "@/lib/environments/record";
import { ValidationError } from "@/lib/http/errors";
import type { JobType } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/**
 * A run's parameters. When the job type names a parameters blueprint, they are
 * that blueprint's document values, checked with the same zod schema the trigger
 * dialog's form uses (buildDocumentSchema, through the document store's
 * validateValues); otherwise any JSON object. Bounded in size either way, since
 * they are stored on the run item.
 */
const MAX_PARAMS_BYTES = 32_000;

export async function validateParams(store: JobStore, job: JobType, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  let values = params;
  if (job.paramsBlueprint) {
    const blueprint = await blueprintForNewDocuments(store.env, job.paramsBlueprint);
    values = validateValues(modelOf(blueprint.document, languagesOf(store.env)), params);
  }
  if (Buffer.byteLength(JSON.stringify(values), "utf8") > MAX_PARAMS_BYTES) {
    throw ValidationError.forField("params", `Keep parameters under ${MAX_PARAMS_BYTES / 1000} kB.`);
  }
  return values;
}
