import { z } from "zod";

/**
 * The provisioning checklist, plan and progress events: isomorphic shapes
 * shared by the API, the CLI, the OpenAPI document and the checklist page.
 * Step ids follow the setup document (../shared/seed): 1, 2, 3, 4a, 4b, 4, 5, 5b, 5c, 6, 7, 8, 9.
 */
export const STEP_IDS = ["1", "2", "3", "4a", "4b", "4", "5", "5b", "5c", "6", "7", "8", "9"] as const;
export type StepId = (typeof STEP_IDS)[number];

export const stepStatusSchema = z.enum(["done", "missing", "drifted", "blocked", "manual"]);
export type StepStatus = z.infer<typeof stepStatusSchema>;

const linkSchema = z.object({ label: z.string(), href: z.string() });

export const checklistRowSchema = z.object({
  id: z.enum(STEP_IDS),
  title: z.string(),
  status: stepStatusSchema,
  summary: z.string(),
  details: z.array(z.string()),
  /** Readable drift, lines starting "+ " (wanted, missing) or "- " (present, unwanted). */
  diff: z.array(z.string()),
  links: z.array(linkSchema),
  /** For blocked rows: the IAM action the console's credentials lack. */
  blockedBy: z.string().nullable(),
  /** For manual rows: what a person must do. */
  manual: z.string().nullable(),
  /** Copyable text (instructions, snippets). */
  copyText: z.string().nullable(),
});
export type ChecklistRow = z.infer<typeof checklistRowSchema>;

export const checklistSchema = z.object({
  environment: z.string(),
  accountId: z.string().nullable(),
  region: z.string(),
  readAt: z.string(),
  readMs: z.number(),
  rows: z.array(checklistRowSchema),
  fixes: z.array(z.object({ step: z.string(), text: z.string() })),
  leastPrivilege: z.array(z.object({ action: z.string(), resource: z.string(), why: z.string(), allowed: z.boolean() })),
  leastPrivilegeBy: z
    .enum(["iam", "local"])
    .describe("Who evaluated the policy: IAM's SimulateCustomPolicy, or the console's own evaluator where IAM could not be asked"),
  revokedAt: z.string().nullable(),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const plannedChangeSchema = z.object({
  id: z.string().describe("Stable id of the change, e.g. table.create:data"),
  step: z.enum(STEP_IDS),
  title: z.string(),
  resource: z.string(),
  documents: z.array(z.object({ name: z.string(), json: z.string() })),
  /** IAM grants this change adds that were not granted before, one readable line each. */
  grants: z.array(z.string()),
  diff: z.array(z.string()),
  dependsOn: z.array(z.string()),
});
export type PlannedChange = z.infer<typeof plannedChangeSchema>;

export const planSchema = z.object({
  environment: z.string(),
  /** Identifies this set of changes; apply refuses (409) if the plan it is given no longer matches. */
  fingerprint: z.string(),
  changes: z.array(plannedChangeSchema),
  /** Drift the console will not repair, and why. */
  warnings: z.array(z.string()),
  notes: z.array(z.string()),
});
export type Plan = z.infer<typeof planSchema>;

export const provisionInputSchema = z.object({
  fingerprint: z.string().min(1, "Confirm a plan first: send the fingerprint of the plan you reviewed."),
});

export const stepRunStatusSchema = z.enum(["waiting", "running", "done", "failed", "skipped"]);
export type StepRunStatus = z.infer<typeof stepRunStatusSchema>;

export type ProvisionEvent =
  | { type: "start"; environment: string; changes: { id: string; step: StepId; title: string; dependsOn: string[] }[] }
  | { type: "change"; id: string; status: StepRunStatus; ms?: number; message?: string }
  | { type: "done"; ok: boolean; ms: number; awsCalls: number; mutatingCalls: number; retries: number; failed: string[]; interrupted?: boolean }
  | { type: "error"; code: string; message: string };

export const revokeInputSchema = z.object({
  confirm: z.literal(true, { error: "Confirm revoking every session of the role." }),
});
