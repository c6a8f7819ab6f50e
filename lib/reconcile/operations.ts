import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { envParamsSchema } from "@/lib/environments/schema";
import { fixResultSchema, fixSchema, passSchema, reconciliationSchema } from "@/lib/reconcile/schema";

export const reconcileOp = defineOperation({
  id: "reconcileUsers",
  method: "GET",
  path: "/api/environments/{env}/reconciliation",
  summary: "The latest reconciliation pass (Cognito users against user entities): its progress, or its findings and which were fixed",
  tag: "Invites",
  role: "admin",
  params: envParamsSchema,
  response: reconciliationSchema,
});

export const startReconciliationOp = defineOperation({
  id: "startReconciliation",
  method: "POST",
  path: "/api/environments/{env}/reconciliation",
  summary: "Start one pass comparing the environment's Cognito users with its user entities; it goes on without the browser (409 while one runs)",
  tag: "Invites",
  role: "admin",
  params: envParamsSchema,
  response: passSchema,
  status: 202,
  audit: "reconciliation.run",
});

export const fixFindingOp = defineOperation({
  id: "fixReconciliationFinding",
  method: "POST",
  path: "/api/environments/{env}/reconciliation/fix",
  summary: "Apply one finding's fix: create the entity, invite the Cognito user, or align the entity's status with Cognito",
  tag: "Invites",
  role: "admin",
  params: envParamsSchema,
  body: fixSchema,
  response: fixResultSchema,
  audit: "reconciliation.fix",
});

export const exportEntitiesOp = defineOperation({
  id: "exportEntities",
  method: "GET",
  path: "/api/environments/{env}/export",
  summary: "Users or teams as CSV",
  tag: "Entities",
  role: "viewer",
  params: envParamsSchema,
  query: z.object({ what: z.enum(["users", "teams"]).default("users") }),
  response: z.string(),
  responseType: "text/csv",
});
