import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { envParamsSchema } from "@/lib/environments/schema";
import {
  bulkParamsSchema,
  bulkProgressSchema,
  jobOverviewSchema,
  jobParamsSchema,
  jobTypeInputSchema,
  jobTypeSchema,
  jobTypeUpdateSchema,
  markFailedBodySchema,
  reindexBodySchema,
  reindexResultSchema,
  rerunFailedBodySchema,
  runDetailSchema,
  runPageSchema,
  runParamsSchema,
  runQuerySchema,
  runStatsSchema,
  scheduleCheckQuerySchema,
  scheduleCheckSchema,
  statsQuerySchema,
  triggerBodySchema,
} from "@/lib/jobs/schema";

/** The job dashboard's API: job types, runs, stats, bulk re-runs. Viewers read; admins change and trigger. */
const TAG = "Jobs";

export const listJobsOp = defineOperation({
  id: "listJobs",
  method: "GET",
  path: "/api/environments/{env}/jobs",
  summary: "Job types with their last run, recent runs, 30-day success rate and next scheduled times; stuck runs",
  tag: TAG,
  role: "viewer",
  params: envParamsSchema,
  response: jobOverviewSchema,
});

export const createJobOp = defineOperation({
  id: "createJob",
  method: "POST",
  path: "/api/environments/{env}/jobs",
  summary: "Create a job type (with its schedule as an EventBridge rule when it has one)",
  tag: TAG,
  role: "admin",
  params: envParamsSchema,
  body: jobTypeInputSchema,
  response: jobTypeSchema,
  status: 201,
  audit: "job.create",
});

export const updateJobOp = defineOperation({
  id: "updateJob",
  method: "PUT",
  path: "/api/environments/{env}/jobs/{id}",
  summary: "Change a job type at the revision you read (409 if stale)",
  tag: TAG,
  role: "admin",
  params: jobParamsSchema,
  body: jobTypeUpdateSchema,
  response: jobTypeSchema,
  audit: "job.update",
});

export const checkScheduleOp = defineOperation({
  id: "checkSchedule",
  method: "GET",
  path: "/api/environments/{env}/jobs/schedule",
  summary: "Validate a rate/cron schedule expression and list its next five run times",
  tag: TAG,
  role: "viewer",
  params: envParamsSchema,
  query: scheduleCheckQuerySchema,
  response: scheduleCheckSchema,
});

export const listRunsOp = defineOperation({
  id: "listRuns",
  method: "GET",
  path: "/api/environments/{env}/runs",
  summary: "Runs newest first, filtered by job, status, trigger, author and time range, with a cursor",
  tag: TAG,
  role: "viewer",
  params: envParamsSchema,
  query: runQuerySchema,
  response: runPageSchema,
});

export const triggerRunOp = defineOperation({
  id: "triggerRun",
  method: "POST",
  path: "/api/environments/{env}/runs",
  summary:
    "Run a job now (trigger manual, or api with a Bearer token); an Idempotency-Key header or idempotencyKey field makes repeats return the first run",
  tag: TAG,
  role: "admin",
  params: envParamsSchema,
  body: triggerBodySchema,
  response: runDetailSchema,
  status: 201,
  audit: "run.trigger",
  bearer: true,
});

export const getRunOp = defineOperation({
  id: "getRun",
  method: "GET",
  path: "/api/environments/{env}/runs/{id}",
  summary: "A run with its output, parameters and timings",
  tag: TAG,
  role: "viewer",
  params: runParamsSchema,
  response: runDetailSchema,
});

export const runStatsOp = defineOperation({
  id: "runStats",
  method: "GET",
  path: "/api/environments/{env}/runs/stats",
  summary: "Runs per day by status, failure rate and duration p50/p95 per job type, from per-day aggregate rows",
  tag: TAG,
  role: "viewer",
  params: envParamsSchema,
  query: statsQuerySchema,
  response: runStatsSchema,
});

export const markRunFailedOp = defineOperation({
  id: "markRunFailed",
  method: "POST",
  path: "/api/environments/{env}/runs/{id}/fail",
  summary: "Mark a run that is still new as failed (e.g. stuck past its timeout)",
  tag: TAG,
  role: "admin",
  params: runParamsSchema,
  body: markFailedBodySchema,
  response: runDetailSchema,
  audit: "run.mark-failed",
});

export const rerunFailedOp = defineOperation({
  id: "rerunFailed",
  method: "POST",
  path: "/api/environments/{env}/runs/rerun-failed",
  summary: "Re-run every failed run of a filter (up to max), with progress kept in DynamoDB",
  tag: TAG,
  role: "admin",
  params: envParamsSchema,
  body: rerunFailedBodySchema,
  response: bulkProgressSchema,
  status: 202,
  audit: "run.rerun-failed",
});

export const getRerunProgressOp = defineOperation({
  id: "getRerunProgress",
  method: "GET",
  path: "/api/environments/{env}/runs/rerun-failed/{id}",
  summary: "Progress of a bulk re-run",
  tag: TAG,
  role: "viewer",
  params: bulkParamsSchema,
  response: bulkProgressSchema,
});

export const reindexRunsOp = defineOperation({
  id: "reindexRuns",
  method: "POST",
  path: "/api/environments/{env}/runs/reindex",
  summary: "Give runs written outside the console (by the app) their index rows and aggregate counts: one page of run documents per call, resumable with nextCursor",
  tag: TAG,
  role: "admin",
  params: envParamsSchema,
  body: reindexBodySchema,
  response: reindexResultSchema,
  audit: "run.reindex",
});

export const idempotencyHeaderSchema = z.string().trim().min(8).max(128).regex(/^[\w.:-]+$/);
