import { z } from "zod";
import { MAX_REVISION } from "@/lib/http/revision";
import { JOB_STATUSES, JOB_TYPES, RUN_STATUSES, TRIGGERS } from "@/lib/jobs/constants";
import { checkSchedule } from "@/lib/jobs/schedule";

/**
 * Job and run schemas, shared by forms, routes, CLI and the OpenAPI document.
 * Field names follow the blueprints irma:schd_jobs and irma:schd_runs. Isomorphic.
 */

export { JOB_STATUSES, JOB_TYPES, RUN_STATUSES, TRIGGERS };

const optionalText = (max: number, message: string) =>
  z
    .string()
    .max(max, message)
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

export const scheduleSchema = z
  .string()
  .max(256, "Keep the schedule under 256 characters.")
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
  .superRefine((v, ctx) => {
    if (v === undefined) return;
    const check = checkSchedule(v);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
  });

export const jobTypeInputSchema = z.object({
  name: z.string({ error: "Name is required." }).trim().min(1, "Name is required.").max(80, "Keep the name under 80 characters."),
  status: z.enum(Object.keys(JOB_STATUSES) as [keyof typeof JOB_STATUSES], { error: "Choose available or not available." }),
  version: optionalText(40, "Keep the version under 40 characters."),
  handler: z
    .string({ error: "Handler route is required." })
    .trim()
    .regex(/^\/[A-Za-z0-9._~\-/]*$/, "Use a route path such as /jobs/cleanup (letters, digits, . _ ~ - and /)."),
  description: optionalText(500, "Keep the description under 500 characters."),
  type: z.enum(Object.keys(JOB_TYPES) as [keyof typeof JOB_TYPES], { error: "Choose a job type." }),
  /** A blueprint (by name, as documents name theirs) whose form gives the run's parameters. */
  paramsBlueprint: optionalText(128, "Keep the blueprint name under 128 characters.").pipe(
    z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, "Use a blueprint name such as report_params (letters, digits, _ . -).").optional(),
  ),
  schedule: scheduleSchema,
  // An empty form field is "use the default", not 0.
  timeoutSeconds: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: "Use whole seconds." }).int("Use whole seconds.").min(1, "At least 1 second.").max(900, "At most 900 seconds.").optional(),
  ),
});
export type JobTypeInput = z.input<typeof jobTypeInputSchema>;

/** The console's settings of a job type, beside its schd_jobs blueprint fields (the form checks them apart). */
export const jobTypeExtrasSchema = jobTypeInputSchema.pick({ paramsBlueprint: true, schedule: true, timeoutSeconds: true });
export type JobTypeValues = z.output<typeof jobTypeInputSchema>;

export const jobTypeUpdateSchema = jobTypeInputSchema.extend({
  revision: z.number({ error: "revision is required (the revision you edited)." }).int().min(0).max(MAX_REVISION),
});

export const jobTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  version: z.string().nullable(),
  handler: z.string(),
  description: z.string().nullable(),
  type: z.string(),
  paramsBlueprint: z.string().nullable(),
  schedule: z.string().nullable(),
  timeoutSeconds: z.number().int(),
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type JobType = z.infer<typeof jobTypeSchema>;

export const runSummarySchema = z.object({
  id: z.string(),
  jobId: z.string(),
  jobName: z.string(),
  status: z.enum(RUN_STATUSES),
  trigger: z.enum(TRIGGERS),
  author: z.string().describe('The stored author key (an email, an entity id, "scheduler", cli:<user>): what the author filter matches'),
  authorName: z.string().nullable().describe("The author's name when the environment's users or the console pool know it; null otherwise"),
  timeQueued: z.string(),
  timeExecuted: z.string().nullable(),
  durationMs: z.number().nullable().describe("The handler time the console measured, else time_executed − time_queued; null while new"),
  reason: z.string().nullable().describe("Why the run failed; for a run still new that is orphaned, why the console will fail it"),
  stuck: z.boolean().describe("Still new past its deadline (time queued + the job's timeout + 60 s)"),
  orphaned: z
    .boolean()
    .describe("Stuck, and dispatched by the console (manual, api): the console stopped waiting for it (e.g. it restarted). A read never writes: the console's background sweep records it failed shortly (lib/jobs/orphan-sweep.ts), or an admin marks it failed"),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runDetailSchema = runSummarySchema.extend({
  output: z.string().nullable(),
  outputTruncated: z.boolean(),
  outputBytes: z.number().int().nullable(),
  params: z.record(z.string(), z.unknown()),
  deadline: z.string().nullable(),
  rerunOf: z.string().nullable(),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

const isoTime = z.iso.datetime({ offset: true, error: "Use an ISO-8601 time such as 2026-01-31T00:00:00Z." });
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const runQuerySchema = z.object({
  job: z.preprocess(emptyToUndefined, z.string().max(80).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(RUN_STATUSES, { error: "status is new, executed or failed." }).optional()),
  trigger: z.preprocess(emptyToUndefined, z.enum(TRIGGERS, { error: "trigger is api, cron or manual." }).optional()),
  author: z.preprocess(emptyToUndefined, z.string().max(254).optional()),
  from: z.preprocess(emptyToUndefined, isoTime.transform((v) => new Date(v).toISOString()).optional()),
  to: z.preprocess(emptyToUndefined, isoTime.transform((v) => new Date(v).toISOString()).optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(2000).optional()),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type RunQuery = z.output<typeof runQuerySchema>;

export const runPageSchema = z.object({
  items: z.array(runSummarySchema),
  nextCursor: z.string().nullable(),
  /** Index rows read to fill the page (shows the cost of a filter). */
  scanned: z.number().int(),
});

export const paramsSchema = z.record(z.string(), z.unknown());

export const triggerBodySchema = z.object({
  job: z.string({ error: "job is required (a job type id or name)." }).trim().min(1, "job is required (a job type id or name).").max(80),
  params: paramsSchema.default({}),
  idempotencyKey: z.string().trim().min(8, "Use at least 8 characters.").max(128).regex(/^[\w.:-]+$/, "Letters, digits and _ . : - only.").optional(),
  rerunOf: z.string().max(80).optional(),
});
export type TriggerBody = z.output<typeof triggerBodySchema>;

export const runParamsSchema = z.object({ env: z.string(), id: z.string().regex(/^[0-9a-f-]{36}$/, "A run id is a UUID.") });
export const jobParamsSchema = z.object({ env: z.string(), id: z.string().regex(/^[0-9a-f-]{36}$/, "A job type id is a UUID.") });

export const statsQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

export const dayStatsSchema = z.object({ day: z.string(), executed: z.number(), failed: z.number(), new: z.number() });
export const jobStatsSchema = z.object({
  jobId: z.string(),
  jobName: z.string(),
  total: z.number(),
  executed: z.number(),
  failed: z.number(),
  failureRate: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
});
export const runStatsSchema = z.object({ days: z.array(dayStatsSchema), jobs: z.array(jobStatsSchema), itemsRead: z.number().int() });
export type RunStats = z.infer<typeof runStatsSchema>;

export const jobOverviewSchema = z.object({
  items: z.array(
    jobTypeSchema.extend({
      lastRun: runSummarySchema.nullable(),
      recentRuns: z.array(runSummarySchema),
      successRate: z.number().nullable(),
      runs30d: z.number(),
      nextRuns: z.array(z.string()),
    }),
  ),
  stuck: z.array(runSummarySchema),
});
export type JobOverview = z.infer<typeof jobOverviewSchema>;

export const markFailedBodySchema = z.object({ reason: z.string().trim().max(500).optional() });

export const rerunFailedBodySchema = runQuerySchema.omit({ cursor: true, limit: true, status: true }).extend({
  max: z.coerce.number().int().min(1).max(500).default(100),
});
export const bulkParamsSchema = z.object({ env: z.string(), id: z.string().regex(/^[0-9a-f-]{36}$/, "A bulk re-run id is a UUID.") });
export const bulkProgressSchema = z.object({
  id: z.string(),
  state: z.enum(["running", "done", "failed"]),
  total: z.number().int(),
  done: z.number().int(),
  errors: z.number().int(),
  startedAt: z.string(),
  updatedAt: z.string(),
  author: z.string(),
  runIds: z.array(z.string()),
});
export type BulkProgress = z.infer<typeof bulkProgressSchema>;

export const scheduleCheckQuerySchema = z.object({ expression: z.string().max(256) });
export const scheduleCheckSchema = z.object({ ok: z.boolean(), message: z.string().nullable(), next: z.array(z.string()) });

export const reindexBodySchema = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.number().int().min(1).max(200).default(100),
});

export const reindexResultSchema = z.object({
  /** Run documents read in this page. */
  read: z.number().int(),
  /** Runs that had no index rows and got them (with their aggregate counts). */
  indexed: z.number().int(),
  /** Runs whose rows said another status than the document (ended by the app). */
  updated: z.number().int(),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** Null when every run document has been read. */
  nextCursor: z.string().nullable(),
});
