import { z } from "zod";
import { DEFAULT_MAX_BODY_BYTES, type Operation } from "@/lib/http/operation";
import { openApiOp } from "@/lib/http/openapi-operation";
import { authConfigOp, createSessionOp, deleteAllSessionsOp, deleteSessionOp, getSessionOp, healthOp } from "@/lib/auth/operations";
import { getAuditRecordOp, listAuditOp } from "@/lib/audit/operations";
import {
  checklistOp,
  createInstallerOp,
  environmentsHealthOp,
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
  reindexRunsOp,
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
import { addMemberOp, archiveEntityOp, createEntityOp, getEntityOp, listEntitiesOp, removeMemberOp, updateEntityOp } from "@/lib/entities/operations";
import { readMailboxOp } from "@/lib/mailbox/operations";
import { exportEntitiesOp, fixFindingOp, reconcileOp, startReconciliationOp } from "@/lib/reconcile/operations";
import { inviteConsoleUserOp, listConsoleUsersOp, removeConsoleUserOp, updateConsoleUserOp } from "@/lib/console-users/operations";
import { bulkInviteOp, createInviteOp, getBulkRunOp, listInvitesOp, resendInviteOp, listBulkRunsOp, resumeBulkRunOp, retryInviteOp, revokeInviteOp, setUserActiveOp } from "@/lib/invites/operations";

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
  deleteAllSessionsOp,
  listEnvironmentsOp,
  createEnvironmentOp,
  getEnvironmentOp,
  updateEnvironmentOp,
  deleteEnvironmentOp,
  testConnectionOp,
  listAuditOp,
  getAuditRecordOp,
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
  environmentsHealthOp,
  listEntitiesOp,
  createEntityOp,
  getEntityOp,
  updateEntityOp,
  archiveEntityOp,
  addMemberOp,
  removeMemberOp,
  listInvitesOp,
  createInviteOp,
  retryInviteOp,
  resendInviteOp,
  revokeInviteOp,
  setUserActiveOp,
  bulkInviteOp,
  getBulkRunOp,
  resumeBulkRunOp,
  listBulkRunsOp,
  listConsoleUsersOp,
  inviteConsoleUserOp,
  updateConsoleUserOp,
  removeConsoleUserOp,
  readMailboxOp,
  reconcileOp,
  startReconciliationOp,
  fixFindingOp,
  exportEntitiesOp,
  // Literal paths before the templates they would also match (jobs/schedule before jobs/{id},
  // runs/stats and runs/rerun-failed before runs/{id}): lib/http/api-paths.ts takes the first match.
  listJobsOp,
  createJobOp,
  checkScheduleOp,
  updateJobOp,
  listRunsOp,
  triggerRunOp,
  runStatsOp,
  rerunFailedOp,
  getRerunProgressOp,
  reindexRunsOp,
  getRunOp,
  markRunFailedOp,
  listTokensOp,
  createTokenOp,
  revokeTokenOp,
];

type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as JSON Schema inside the OpenAPI document. zod puts shared and
 * recursive parts in the schema's own `$defs` and points at them with
 * `#/$defs/…`, which inside a larger document would resolve against its root:
 * they move to `components/schemas` under a name unique to the operation.
 */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>, owner: string): JsonSchema {
  const { $schema: _ignored, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  if (!$defs) return rest;
  const nameOf = (local: string) => `${owner}.${io}.${local.replace(/^_+/, "")}`;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) =>
        key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/")
          ? [key, `#/components/schemas/${nameOf(value.slice("#/$defs/".length))}`]
          : [key, rewrite(value)],
      ),
    );
  };
  for (const [local, def] of Object.entries($defs)) components[nameOf(local)] = rewrite(def) as JsonSchema;
  return rewrite(rest) as JsonSchema;
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

function parametersOf(op: Operation, components: Record<string, JsonSchema>): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [["path", op.params], ["query", op.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input", components, `${op.id}.${where}`) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

/** Operations that answer from the console alone, never from AWS. */
const LOCAL_ONLY = new Set(["getOpenApi", "getHealth"]);

/**
 * Every status an operation can answer, derived from what the route wrapper
 * does with its declaration (role, params, query, body, method), plus the
 * handler's own `errorStatuses`. Fuzzing fails on any status not listed here.
 */
export function errorStatusesOf(op: Operation): number[] {
  const statuses = new Set<number>(op.errorStatuses ?? []);
  const mutating = op.method !== "GET";
  if (op.body || op.query || op.params) statuses.add(400);
  if (op.role !== "public") statuses.add(401).add(403);
  // The Origin check refuses cross-site mutations before any role check, public ones included.
  if (mutating) statuses.add(403);
  if (op.params) statuses.add(404);
  if (mutating && op.role !== "public") statuses.add(409);
  // Every declared body is capped; a body sent where none is declared is capped too.
  statuses.add(413);
  if (op.body) statuses.add(415);
  if (op.streaming) statuses.add(423);
  // Node's HTTP server refuses an oversized request line or headers before the console sees them.
  statuses.add(431);
  statuses.add(500);
  if (!LOCAL_ONLY.has(op.id)) statuses.add(502).add(503);
  return [...statuses].sort((a, b) => a - b);
}

const ERROR_DESCRIPTIONS: Record<number, (op: Operation) => string> = {
  400: () => "Invalid input, with field errors",
  401: () => "No session, or the session has ended",
  403: (op) => (op.role === "public" ? "Refused: the request came from another site" : `Needs the ${op.role} role, or the request came from another site`),
  404: () => "Not found",
  405: () => "Method not allowed here",
  409: () => "Conflict (stale version, duplicate, or a state that does not allow this yet)",
  413: (op) => `Request body over ${op.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`,
  415: () => "The request body is not application/json",
  423: () => "Another run holds the environment's lock",
  431: () => "Request line or headers too large (refused by the HTTP server)",
  500: () => "Server error (details only in the server log)",
  502: () => "AWS failed or refused the console's credentials",
  503: () => "The console is not set up yet",
};

function responsesOf(op: Operation, components: Record<string, JsonSchema>): JsonSchema {
  const status = String(op.status ?? 200);
  const ok: JsonSchema =
    op.status === 204
      ? { description: "No content" }
      : op.streaming
        ? { description: "NDJSON stream", content: { "application/x-ndjson": { schema: { type: "string" } } } }
        : op.responseType
          ? { description: "OK", content: { [op.responseType]: { schema: { type: "string" } } } }
        : { description: "OK", content: { "application/json": { schema: op.response ? schemaOf(op.response, "output", components, `${op.id}.response`) : {} } } };
  const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
  const responses: JsonSchema = { [status]: ok };
  for (const code of errorStatusesOf(op)) responses[String(code)] = error((ERROR_DESCRIPTIONS[code] ?? (() => "Error"))(op));
  return responses;
}

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const schemas: Record<string, JsonSchema> = { Error: errorSchema };
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    item[op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      tags: [op.tag],
      "x-required-role": op.role,
      ...(op.role === "public" ? { security: [] } : op.bearer ? { security: [{ session: [] }, { apiToken: [] }] } : {}),
      parameters: parametersOf(op, schemas),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body, "input", schemas, `${op.id}.body`) } } } } : {}),
      responses: responsesOf(op, schemas),
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
      schemas,
    },
    paths,
  };
}
