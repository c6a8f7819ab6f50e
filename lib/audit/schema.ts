import { z } from "zod";

/** Audit records: isomorphic shapes shared by the API, the CLI and the Audit page. */
export const auditOutcomeSchema = z.enum(["success", "failure", "denied"]);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const auditRecordSchema = z.object({
  id: z.string(),
  at: z.string().describe("ISO-8601 UTC time"),
  actor: z.string().describe("Email of the console user, or cli:<user> for the CLI"),
  action: z.string().describe("e.g. environment.update"),
  environment: z.string().nullable(),
  target: z.string(),
  outcome: auditOutcomeSchema,
  errorCode: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditQuerySchema = z.object({
  environment: z.string().max(24).optional(),
  actor: z.string().max(254).optional(),
  action: z.string().max(64).optional().describe("Matches actions starting with this text"),
  outcome: auditOutcomeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditRecordSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** A linked record: its id in the path, its time in the query (together they are its key). */
export const auditRecordParamsSchema = z.object({ id: z.uuid({ error: "Not an audit record id." }) });
export const auditRecordQuerySchema = z.object({ at: z.iso.datetime({ error: "at must be the record's ISO-8601 time." }) });
