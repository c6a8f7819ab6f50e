import { z } from "zod";
import { emailSchema } from "@/lib/entities/schema";

export const findingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cognito-without-entity"), email: z.string(), username: z.string(), fix: z.literal("create-entity") }),
  z.object({ kind: z.literal("entity-without-cognito"), email: z.string(), entityId: z.string(), fix: z.literal("invite") }),
  z.object({ kind: z.literal("status-mismatch"), email: z.string(), entityId: z.string(), cognitoEnabled: z.boolean(), entityActive: z.boolean(), fix: z.literal("align-entity") }),
]);

/** A finding as stored with its pass: once fixed, when, by whom and what was done. */
export const storedFindingSchema = z.intersection(findingSchema, z.object({ fixed: z.object({ at: z.string(), by: z.string(), message: z.string() }).nullable() }));
export type StoredFinding = z.infer<typeof storedFindingSchema>;

/**
 * One reconciliation pass, kept in the console's table so it outlives the tab
 * (and its server): reading, comparing, done (or failed, or interrupted when
 * its server stopped: run another).
 */
export const passSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "failed", "interrupted"]),
  phase: z.enum(["cognito", "entities", "compare", "finished"]),
  /** Cognito users read so far, and the pool's own estimate of how many there are (null when unknown). */
  cognitoUsers: z.number(),
  cognitoEstimate: z.number().nullable(),
  userEntities: z.number(),
  findings: z.number(),
  error: z.string().nullable(),
  startedAt: z.string(),
  startedBy: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
});
export type Pass = z.infer<typeof passSchema>;

export const reconciliationSchema = z.object({ pass: passSchema.nullable(), findings: z.array(storedFindingSchema) });
export type Reconciliation = z.infer<typeof reconciliationSchema>;

export const fixSchema = z.object({
  fix: z.enum(["create-entity", "invite", "align-entity"]),
  email: emailSchema,
  /** The pass the finding came from: the finding is marked fixed there. */
  passId: z.string().regex(/^[0-9a-z]{9}-[0-9a-f]{8}$/).optional(),
});
export const fixResultSchema = z.object({ fixed: z.boolean(), message: z.string() });
