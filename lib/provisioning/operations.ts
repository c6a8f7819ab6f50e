import { z } from "zod";
import { envParamsSchema } from "@/lib/environments/schema";
import { defineOperation } from "@/lib/http/operation";
import { environmentHealthListSchema } from "@/lib/provisioning/health-model";
import { checklistSchema, planSchema, provisionInputSchema, revokeInputSchema } from "@/lib/provisioning/model";

/** The provisioning API (issue 3), declared once for routes and OpenAPI. */
const tag = "Provisioning";
const revealedKeySchema = z.object({ accessKeyId: z.string(), secretAccessKey: z.string() });

export const checklistOp = defineOperation({
  id: "getChecklist",
  method: "GET",
  path: "/api/environments/{env}/checklist",
  summary: "Every setup step, read live from AWS: done, missing, drifted, blocked or manual",
  tag,
  role: "operator",
  params: envParamsSchema,
  response: checklistSchema,
});

export const planOp = defineOperation({
  id: "planProvisioning",
  method: "POST",
  path: "/api/environments/{env}/plan",
  summary: "What applying would change, with rendered documents and newly granted IAM permissions",
  tag,
  role: "operator",
  params: envParamsSchema,
  response: planSchema,
  audit: "provisioning.plan",
});

export const provisionOp = defineOperation({
  id: "provision",
  method: "POST",
  path: "/api/environments/{env}/provision",
  summary: "Apply a confirmed plan; progress streams as NDJSON events (start, change, done, error)",
  tag,
  role: "operator",
  params: envParamsSchema,
  body: provisionInputSchema,
  streaming: true,
  audit: "provisioning.apply",
});

export const revokeSessionsOp = defineOperation({
  id: "revokeSessions",
  method: "POST",
  path: "/api/environments/{env}/revoke-sessions",
  summary: "Step 5c: deny every session of the Lambda role issued before now",
  tag,
  role: "operator",
  params: envParamsSchema,
  body: revokeInputSchema,
  response: z.object({ revokedAt: z.string() }),
  audit: "provisioning.revoke-sessions",
});

export const zappaSettingsOp = defineOperation({
  id: "getZappaSettings",
  method: "GET",
  path: "/api/environments/{env}/zappa-settings",
  summary: "Step 6: zappa_settings.json for the environment (the client secret only as a reference)",
  tag,
  role: "operator",
  params: envParamsSchema,
  query: z.object({ download: z.enum(["1"]).optional() }),
  response: z.record(z.string(), z.unknown()),
});

export const createInstallerOp = defineOperation({
  id: "createInstaller",
  method: "POST",
  path: "/api/environments/{env}/installer",
  summary: "Step 1 by the console: installer group, user and access key; the secret is returned once",
  tag,
  role: "operator",
  params: envParamsSchema,
  response: revealedKeySchema.extend({ userName: z.string() }),
  status: 201,
  audit: "provisioning.create-installer",
});

export const revealSecretOp = defineOperation({
  id: "revealSecret",
  method: "POST",
  path: "/api/environments/{env}/reveal-secret",
  summary: "Step 9: show the stored access key (audited)",
  tag,
  role: "operator",
  params: envParamsSchema,
  response: revealedKeySchema,
  audit: "environment.reveal-secret",
});

export const testEmailOp = defineOperation({
  id: "sendTestEmail",
  method: "POST",
  path: "/api/environments/{env}/test-email",
  summary: "Step 7: send a test email from the environment's SES sender",
  tag,
  role: "operator",
  params: envParamsSchema,
  body: z.object({ to: z.email({ error: "Enter the address to send the test to." }) }),
  response: z.object({ messageId: z.string() }),
  audit: "provisioning.test-email",
});

export const environmentsHealthOp = defineOperation({
  id: "listEnvironmentHealth",
  method: "GET",
  // Not under /api/environments/: "health" is a valid environment name.
  path: "/api/environment-health",
  summary: "Every environment's checklist summarised (green, manual, incomplete, not-provisioned, drifted, blocked, unreachable), cached briefly",
  tag,
  role: "operator",
  query: z.object({ fresh: z.enum(["1"]).optional() }),
  response: environmentHealthListSchema,
});
