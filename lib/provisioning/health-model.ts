import { z } from "zod";
import { HEALTH_STATUSES, type HealthStatus } from "@/lib/provisioning/health-summary";
import { stepStatusSchema } from "@/lib/provisioning/model";

export type { HealthStatus };

/**
 * The shape of an environment's health (API, OpenAPI document, list page).
 * The summary logic is in health-summary.ts, free of zod so pages that only
 * summarise do not load it.
 */
export const healthStatusSchema = z.enum(HEALTH_STATUSES);

export const environmentHealthSchema = z.object({
  environment: z.string(),
  status: healthStatusSchema,
  counts: z.record(stepStatusSchema, z.number()),
  accountId: z.string().nullable(),
  region: z.string(),
  lastAppliedAt: z.string().nullable(),
  readAt: z.string(),
});
export type EnvironmentHealth = z.infer<typeof environmentHealthSchema>;

export const environmentHealthListSchema = z.object({ items: z.array(environmentHealthSchema) });
