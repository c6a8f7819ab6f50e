import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  blueprintDiffSchema,
  blueprintListSchema,
  createBlueprintSchema,
  diffQuerySchema,
  envBlueprintParamsSchema,
  impactQuerySchema,
  impactSchema,
  importBlueprintSchema,
  irnParamsSchema,
  revisionBodySchema,
  revisionQuerySchema,
  startVersionSchema,
  storedBlueprintSchema,
  updateDraftSchema,
  versionListSchema,
  versionParamsSchema,
} from "@/lib/blueprints/schema";

/**
 * The blueprint API (issue 6), declared once for routes and OpenAPI. The
 * environment's viewers may read; operators design. `{irn}` is the whole
 * irn (irn:blueprint:<handle>:<name>), URL-encoded.
 */
const tag = "Blueprints";
const base = "/api/environments/{env}/blueprints";

export const listBlueprintsOp = defineOperation({
  id: "listBlueprints",
  method: "GET",
  path: base,
  summary: "List an environment's blueprints (latest version, status, number of versions)",
  tag,
  role: "viewer",
  params: envBlueprintParamsSchema,
  response: blueprintListSchema,
});

export const createBlueprintOp = defineOperation({
  id: "createBlueprint",
  method: "POST",
  path: base,
  summary: "Create a blueprint (a first draft), or store a version as it is with verbatim",
  tag,
  role: "operator",
  params: envBlueprintParamsSchema,
  body: createBlueprintSchema,
  response: storedBlueprintSchema,
  status: 201,
  audit: "blueprint.create",
});

export const importBlueprintOp = defineOperation({
  id: "importBlueprint",
  method: "POST",
  path: `${base}/import`,
  summary: "Import blueprint JSON text; a syntax error answers 400 with its line and column",
  tag,
  role: "operator",
  params: envBlueprintParamsSchema,
  body: importBlueprintSchema,
  response: storedBlueprintSchema,
  status: 201,
  audit: "blueprint.import",
});

export const listVersionsOp = defineOperation({
  id: "listBlueprintVersions",
  method: "GET",
  path: `${base}/{irn}/versions`,
  summary: "Every version of a blueprint, in semantic order",
  tag,
  role: "viewer",
  params: irnParamsSchema,
  response: versionListSchema,
});

export const startVersionOp = defineOperation({
  id: "startBlueprintVersion",
  method: "POST",
  path: `${base}/{irn}/versions`,
  summary: "Start a new draft version from an existing one, bumping major, minor or patch",
  tag,
  role: "operator",
  params: irnParamsSchema,
  body: startVersionSchema,
  response: storedBlueprintSchema,
  status: 201,
  audit: "blueprint.version.create",
});

export const getVersionOp = defineOperation({
  id: "getBlueprintVersion",
  method: "GET",
  path: `${base}/{irn}/versions/{version}`,
  summary: "Read one version of a blueprint",
  tag,
  role: "viewer",
  params: versionParamsSchema,
  response: storedBlueprintSchema,
});

export const updateVersionOp = defineOperation({
  id: "updateBlueprintVersion",
  method: "PUT",
  path: `${base}/{irn}/versions/{version}`,
  summary: "Save a draft at the revision you read (409 if stale or final)",
  tag,
  role: "operator",
  params: versionParamsSchema,
  body: updateDraftSchema,
  response: storedBlueprintSchema,
  audit: "blueprint.update",
});

export const deleteVersionOp = defineOperation({
  id: "deleteBlueprintVersion",
  method: "DELETE",
  path: `${base}/{irn}/versions/{version}`,
  summary: "Delete a draft at the revision you read (final versions are never deleted)",
  tag,
  role: "operator",
  params: versionParamsSchema,
  query: revisionQuerySchema,
  status: 204,
  audit: "blueprint.delete",
});

export const publishVersionOp = defineOperation({
  id: "publishBlueprintVersion",
  method: "POST",
  path: `${base}/{irn}/versions/{version}/publish`,
  summary: "Make a draft final (it never changes again)",
  tag,
  role: "operator",
  params: versionParamsSchema,
  body: revisionBodySchema,
  response: storedBlueprintSchema,
  audit: "blueprint.publish",
});

export const exportVersionOp = defineOperation({
  id: "exportBlueprintVersion",
  method: "GET",
  path: `${base}/{irn}/versions/{version}/export`,
  summary: "The version as a JSON file, in the setup document's layout",
  tag,
  role: "viewer",
  params: versionParamsSchema,
  response: z.record(z.string(), z.json()),
});

export const diffVersionsOp = defineOperation({
  id: "diffBlueprintVersions",
  method: "GET",
  path: `${base}/{irn}/diff`,
  summary: "Fields added, removed, renamed and changed between two versions",
  tag,
  role: "viewer",
  params: irnParamsSchema,
  query: diffQuerySchema,
  response: blueprintDiffSchema,
});

export const impactOp = defineOperation({
  id: "blueprintVersionImpact",
  method: "GET",
  path: `${base}/{irn}/versions/{version}/impact`,
  summary: "How many existing documents would fail validation with this version, and why, per field",
  tag,
  role: "viewer",
  params: versionParamsSchema,
  query: impactQuerySchema,
  response: impactSchema,
});
