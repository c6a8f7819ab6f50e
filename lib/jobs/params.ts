import "server-only";
import { ValidationError } from "@/lib/http/errors";
import type { JobType } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/**
 * A run's parameters. Without a parameters blueprint they are any JSON object
 * (bounded in size, since they are stored on the run item).
 * TODO(form-model): when a job names a blueprint, validate with buildDocumentSchema.
 */
const MAX_PARAMS_BYTES = 32_000;

export async function validateParams(_store: JobStore, _job: JobType, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (Buffer.byteLength(JSON.stringify(params), "utf8") > MAX_PARAMS_BYTES) {
    throw ValidationError.forField("params", `Keep parameters under ${MAX_PARAMS_BYTES / 1000} kB.`);
  }
  return params;
}
