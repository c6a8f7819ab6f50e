import { defineOperation } from "@/lib/http/operation";
import {
  connectionResultSchema,
  deleteQuerySchema,
  environmentCreateSchema,
  environmentListSchema,
  environmentSchema,
  environmentUpdateSchema,
  envParamsSchema,
} from "@/lib/environments/schema";

/** The environment registry's API, declared once for routes and OpenAPI. */
export const listEnvironmentsOp = defineOperation({
  id: "listEnvironments",
  method: "GET",
  path: "/api/environments",
  summary: "List environments (operators: all; environment admins and viewers: theirs, without credentials)",
  tag: "Environments",
  role: "authenticated",
  response: environmentListSchema,
});

export const createEnvironmentOp = defineOperation({
  id: "createEnvironment",
  method: "POST",
  path: "/api/environments",
  summary: "Register an environment",
  tag: "Environments",
  role: "operator",
  body: environmentCreateSchema,
  response: environmentSchema,
  status: 201,
  audit: "environment.create",
});

export const getEnvironmentOp = defineOperation({
  id: "getEnvironment",
  method: "GET",
  path: "/api/environments/{env}",
  summary: "Read an environment (environment admins and viewers: without credentials)",
  tag: "Environments",
  role: "viewer",
  params: envParamsSchema,
  response: environmentSchema,
});

export const updateEnvironmentOp = defineOperation({
  id: "updateEnvironment",
  method: "PATCH",
  path: "/api/environments/{env}",
  summary:
    "Change an environment: a partial update. Fields left out keep their value; null clears an optional field; version (the one you read) is required, 409 if stale",
  tag: "Environments",
  role: "operator",
  params: envParamsSchema,
  body: environmentUpdateSchema,
  response: environmentSchema,
  audit: "environment.update",
});

export const deleteEnvironmentOp = defineOperation({
  id: "deleteEnvironment",
  method: "DELETE",
  path: "/api/environments/{env}",
  summary: "Remove an environment from the registry (its AWS resources are left alone)",
  tag: "Environments",
  role: "operator",
  params: envParamsSchema,
  query: deleteQuerySchema,
  status: 204,
  audit: "environment.delete",
});

export const testConnectionOp = defineOperation({
  id: "testConnection",
  method: "POST",
  path: "/api/environments/{env}/test-connection",
  summary: "Call STS GetCallerIdentity with the environment's credentials",
  tag: "Environments",
  role: "operator",
  params: envParamsSchema,
  response: connectionResultSchema,
  audit: "environment.test-connection",
});
