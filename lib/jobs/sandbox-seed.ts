import "server-only";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import reportParams from "@/blueprints/examples/report-params.json";
import { isAwsError } from "@/lib/aws/errors";
import { environmentNames } from "@/lib/provisioning/names";
import { writeAll } from "@/lib/jobs/batch-write";
import { createJobType, listJobTypes } from "@/lib/jobs/job-types";
import { generateRuns, historyItems } from "@/lib/jobs/history";
import { SEED_PARTITION } from "@/lib/jobs/keys";
import { jobTypeInputSchema, type JobTypeInput } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/**
 * The sandbox's sample job types (handlers of scripts/sample-app) and a few
 * thousand historic runs over the last 60 days, so the dashboard's charts mean
 * something on first start. Idempotent: job types are matched by name, and the
 * history is written once (a marker item), from a fixed seed.
 */
export const SAMPLE_JOBS: Array<JobTypeInput & { failureRate: number; medianMs: number }> = [
  { name: "Quick success", status: "available", handler: "/jobs/quick", type: "control", description: "Answers at once.", failureRate: 0.03, medianMs: 120 },
  { name: "Slow report", status: "available", handler: "/jobs/slow", type: "generation", description: "Takes a few seconds; its parameters have a form.", paramsBlueprint: "report_params", failureRate: 0.08, medianMs: 3000, timeoutSeconds: 60 },
  { name: "Failing import", status: "available", handler: "/jobs/fail", type: "data_acquisition", description: "Always fails (HTTP 500).", failureRate: 0.6, medianMs: 400 },
  { name: "Echo parameters", status: "available", handler: "/jobs/echo", type: "validation", description: "Returns its parameters.", failureRate: 0.01, medianMs: 60 },
];

const MARKER = { portfolio_index: SEED_PARTITION, doc_index: "run-history-v1" };

/** The parameters blueprint of "Slow report", added once (never overwritten). */
async function ensureParamsBlueprint(store: JobStore): Promise<void> {
  try {
    await store.db.send(new PutCommand({ TableName: environmentNames(store.env.name).tables.blueprints, Item: reportParams, ConditionExpression: "attribute_not_exists(irn)" }));
  } catch (err) {
    if (!isAwsError(err, "ConditionalCheckFailedException")) throw err;
  }
}

export async function seedSandboxJobs(store: JobStore, options: { runs?: number; days?: number; now?: Date } = {}): Promise<{ jobsCreated: number; runsWritten: number }> {
  await ensureParamsBlueprint(store);
  const existing = await listJobTypes(store);
  let jobsCreated = 0;
  const jobs = [];
  for (const sample of SAMPLE_JOBS) {
    const { failureRate, medianMs, ...input } = sample;
    let job = existing.find((j) => j.name === sample.name);
    if (!job) {
      job = await createJobType(store, jobTypeInputSchema.parse(input), "system:sandbox");
      jobsCreated++;
    }
    jobs.push({ id: job.id, name: job.name, failureRate, medianMs });
  }
  const marker = await store.db.send(new GetCommand({ TableName: store.table, Key: MARKER, ConsistentRead: true }));
  if (marker.Item) return { jobsCreated, runsWritten: 0 };
  const runs = generateRuns(jobs, { count: options.runs ?? 2000, days: options.days ?? 60, now: options.now ?? new Date() });
  await writeAll(store, historyItems(runs));
  await store.db.send(new PutCommand({ TableName: store.table, Item: { ...MARKER, runs: runs.length, at: new Date().toISOString() } }));
  return { jobsCreated, runsWritten: runs.length };
}
