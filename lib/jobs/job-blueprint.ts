import { buildFormModel, type FormModel } from "@/lib/blueprints/form-model";
import { parseBlueprint } from "@/lib/blueprints/types";

/**
 * The job type form is the environment's `schd_jobs` blueprint rendered by the
 * shared renderer (BlueprintForm), restricted to the fields a job type has in
 * the console (name, status, version, handler, description, type): the
 * dashboard reads exactly those, and a field it would render but not store
 * would be lost. Fields a changed blueprint adds are kept on the item when a
 * job type is saved (job-types.ts) and edited on the documents pages. The same
 * model validates on the server (job-service.ts). Pure, isomorphic.
 */
export const JOB_FIELDS = ["name", "status", "version", "handler", "description", "type"] as const;

export function jobTypeModel(blueprintDocument: unknown, languages: string[]): FormModel | null {
  const parsed = parseBlueprint(blueprintDocument);
  if (!parsed.success) return null;
  const known = new Set<string>(JOB_FIELDS);
  return buildFormModel({ ...parsed.data, fields: parsed.data.fields.filter((f) => known.has(f.name)) }, { languages });
}
