import { z } from "zod";
import type { Operation } from "@/lib/http/operation";
import { openApiOp } from "@/lib/http/openapi-operation";
import { authConfigOp, createSessionOp, deleteSessionOp, getSessionOp, healthOp } from "@/lib/auth/operations";
import { listAuditOp } from "@/lib/audit/operations";
import {
  checklistOp,
  createInstallerOp,
  planOp,
  provisionOp,
  revealSecretOp,
  revokeSessionsOp,
  testEmailOp,
  zappaSettingsOp,
} from "@/lib/provisioning/operations";
import {
  createEnvironmentOp,
  deleteEnvironmentOp,
  getEnvironmentOp,
  listEnvironmentsOp,
  testConnectionOp,
  updateEnvironmentOp,
} from "@/lib/environments/operations";
import {
  checkScheduleOp,
  createJobOp,
  getRerunProgressOp,
  getRunOp,
  listJobsOp,
  listRunsOp,
  markRunFailedOp,
  rerunFailedOp,
  runStatsOp,
  triggerRunOp,
  updateJobOp,
} from "@/lib/jobs/operations";
import { createTokenOp, listTokensOp, revokeTokenOp } from "@/lib/jobs/token-operations";
import {
  createDocumentOp,
  deleteDocumentOp,
  exportDocumentsOp,
  getDocumentBlueprintOp,
  getDocumentOp,
  listDocumentsOp,
  searchSourceOp,
  updateDocumentOp,
} from "@/lib/documents/operations";
import {
  createBlueprintOp,
  deleteVersionOp,
  diffVersionsOp,
  exportVersionOp,
  getVersionOp,
  impactOp,
  importBlueprintOp,
  listBlueprintsOp,
  listVersionsOp,
  publishVersionOp,
  startVersionOp,
  updateVersionOp,
} from "@/lib/blueprints/operations";

/**
 * Every API operation. The OpenAPI document is generated from this list, and
 * tests/http/routes.test.ts checks each route file uses one of these.
 */
export const operations: readonly Operation[] = [
  healthOp,
  openApiOp,
  authConfigOp,
  createSessionOp,
  getSessionOp,
  deleteSessionOp,
  listEnvironmentsOp,
  createEnvironmentOp,
  getEnvironmentOp,
  updateEnvironmentOp,
  deleteEnvironmentOp,
  testConnectionOp,
  listAuditOp,
  checklistOp,
  planOp,
  provisionOp,
  revokeSessionsOp,
  zappaSettingsOp,
  createInstallerOp,
  revealSecretOp,
  testEmailOp,
  listDocumentsOp,
  createDocumentOp,
  getDocumentOp,
  updateDocumentOp,
  deleteDocumentOp,
  searchSourceOp,
  exportDocumentsOp,
  getDocumentBlueprintOp,
  listBlueprintsOp,
  createBlueprintOp,
  importBlueprintOp,
  listVersionsOp,
  startVersionOp,
  getVersionOp,
  updateVersionOp,
  deleteVersionOp,
  publishVersionOp,
  exportVersionOp,
  diffVersionsOp,
  impactOp,
  listJobsOp,
  createJobOp,
  updateJobOp,
  checkScheduleOp,
  listRunsOp,
  triggerRunOp,
  getRunOp,
  runStatsOp,
  markRunFailedOp,
  rerunFailedOp,
  getRerunProgressOp,
  listTokensOp,
  createTokenOp,
  revokeTokenOp,
];

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        requestId: { type: "string" },
        fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      },
    },
  },
};

function parametersOf(op: Operation): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [["path", op.params], ["query", op.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

function responsesOf(op: Operation): JsonSchema {
  const status = String(op.status ?? 200);
  const ok: JsonSchema =
    op.status === 204
      ? { description: "No content" }
      : op.streaming
        ? { description: "NDJSON stream", content: { "application/x-ndjson": { schema: { type: "string" } } } }
        : { description: "OK", content: { "application/json": { schema: op.response ? schemaOf(op.response, "output") : {} } } };
  const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
  const responses: JsonSchema = { [status]: ok };
  if (op.body || op.query || op.params) responses["400"] = error("Invalid input, with field errors");
  if (op.role !== "public") {
    responses["401"] = error("No session");
    responses["403"] = error(`Needs the ${op.role} role`);
  }
  if (op.params) responses["404"] = error("Not found");
  if (op.method !== "GET" && op.role !== "public") responses["409"] = error("Conflict (stale version, duplicate, or a plan that no longer matches)");
  if (op.streaming) responses["423"] = error("Another run holds the environment's lock");
  responses["500"] = error("Server error (details only in the server log)");
  return responses;
}

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    item[op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      tags: [op.tag],
      "x-required-role": op.role,
      ...(op.role === "public" ? { security: [] } : op.bearer ? { security: [{ session: [] }, { apiToken: [] }] } : {}),
      parameters: parametersOf(op),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body, "input") } } } } : {}),
      responses: responsesOf(op),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "TankTower Console API", version: "1" },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    security: [{ session: [] }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "tt_session" },
        apiToken: { type: "http", scheme: "bearer", description: "A personal API token (tt_…), for the operations that list it" },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
