import { z } from "zod";

/** Bulk invites from CSV: preview, run, progress. Isomorphic. */
export const bulkInviteSchema = z.object({
  csv: z.string().min(1, "Paste or choose a CSV file.").max(1_000_000, "At most 1 MB of CSV."),
  /** Only validate and report; nothing is written. */
  dryRun: z.boolean().default(false),
  /** Go ahead although the 24-hour SES quota would be exceeded (SES refuses the excess; those rows fail and can be retried later). */
  acceptQuota: z.boolean().default(false),
});
export type BulkInvite = z.infer<typeof bulkInviteSchema>;

const problemSchema = z.object({ line: z.number(), email: z.string().optional(), field: z.string(), message: z.string() });
export const quotaSchema = z.object({ max24h: z.number(), sentLast24h: z.number(), remaining: z.number(), wouldExceed: z.boolean(), maxSendRate: z.number() });

export const bulkPreviewSchema = z.object({
  valid: z.array(z.object({ line: z.number(), email: z.string(), name: z.string().optional(), team: z.string().optional(), role: z.string() })),
  problems: z.array(problemSchema),
  quota: quotaSchema.nullable(),
});
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;

export const bulkRowResultSchema = z.object({
  line: z.number(),
  email: z.string(),
  status: z.enum(["invited", "failed"]),
  inviteId: z.string().optional(),
  reason: z.string().optional(),
});
export type BulkRowResult = z.infer<typeof bulkRowResultSchema>;

export const bulkRunSchema = z.object({
  id: z.string(),
  /**
   * interrupted: the server running it stopped, the rows left can be resumed. Either that server recorded it
   * when it shut down, or (`stale`) it stopped without a word and its heartbeat went stale.
   */
  status: z.enum(["running", "done", "interrupted"]),
  /** Shown interrupted because its heartbeat went stale, not because its server recorded it: still stored as running (a read writes nothing); heartbeatAt is when it was last seen. */
  stale: z.boolean(),
  total: z.number(),
  processed: z.number(),
  invited: z.number(),
  failed: z.number(),
  problems: z.array(problemSchema),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  /** When it ended (done, or interrupted by its server's shutdown); null while running, and for a stale run (nothing recorded its end). */
  finishedAt: z.string().nullable(),
  /** Last sign of life of the server running it. */
  heartbeatAt: z.string().nullable(),
  /** Rows not yet processed (what a resume would do). */
  left: z.number(),
  results: z.array(bulkRowResultSchema),
});
export type BulkRun = z.infer<typeof bulkRunSchema>;

export const bulkStartResultSchema = z.object({ preview: bulkPreviewSchema, run: bulkRunSchema.nullable() });
export const bulkRunParamsSchema = z.object({ env: z.string().regex(/^[a-z][a-z0-9-]{2,23}$/), runId: z.string().regex(/^[0-9a-z]{9}-[0-9a-f]{8}$/) });

/** A run as the list of recent runs shows it (no rows). */
export const bulkRunHeadSchema = bulkRunSchema.omit({ results: true, left: true, problems: true });
export type BulkRunHead = z.infer<typeof bulkRunHeadSchema>;
export const bulkRunListSchema = z.object({ items: z.array(bulkRunHeadSchema) });
