import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  docParamsSchema,
  docsParamsSchema,
  documentBlueprintParamsSchema,
  documentBlueprintQuerySchema,
  documentBlueprintSchema,
  documentCreateSchema,
  documentDeleteQuerySchema,
  documentListQuerySchema,
  documentPageSchema,
  documentSchema,
  documentUpdateSchema,
  exportQuerySchema,
  sourcePageSchema,
  sourceParamsSchema,
  sourceQuerySchema,
} from "@/lib/documents/schema";

/**
 * The documents API, declared once for routes and OpenAPI. Documents are read
 * by an environment's viewers and written by its admins (and operators).
 */
const DOCS = "/api/environments/{env}/portfolios/{portfolio}/docs/{blueprint}";

export const listDocumentsOp = defineOperation({
  id: "listDocuments",
  method: "GET",
  path: DOCS,
  summary: "Documents of one blueprint: newest first, in a folder, or near a point; text filter and cursor",
  tag: "Documents",
  role: "viewer",
  params: docsParamsSchema,
  query: documentListQuerySchema,
  response: documentPageSchema,
});

export const createDocumentOp = defineOperation({
  id: "createDocument",
  method: "POST",
  path: DOCS,
  summary: "Create a document (validated against the blueprint's current version; 400 names each bad field)",
  tag: "Documents",
  role: "admin",
  params: docsParamsSchema,
  body: documentCreateSchema,
  response: documentSchema,
  status: 201,
  audit: "document.create",
});

export const getDocumentOp = defineOperation({
  id: "getDocument",
  method: "GET",
  path: `${DOCS}/{docId}`,
  summary: "Read a document",
  tag: "Documents",
  role: "viewer",
  params: docParamsSchema,
  response: documentSchema,
});

export const updateDocumentOp = defineOperation({
  id: "updateDocument",
  method: "PUT",
  path: `${DOCS}/{docId}`,
  summary: "Save a document at the revision you read (409 with the stored version if it changed)",
  tag: "Documents",
  role: "admin",
  params: docParamsSchema,
  body: documentUpdateSchema,
  response: documentSchema,
  audit: "document.update",
});

export const deleteDocumentOp = defineOperation({
  id: "deleteDocument",
  method: "DELETE",
  path: `${DOCS}/{docId}`,
  summary: "Delete a document (409 if it changed since the given revision)",
  tag: "Documents",
  role: "admin",
  params: docParamsSchema,
  query: documentDeleteQuerySchema,
  status: 204,
  audit: "document.delete",
});

export const searchSourceOp = defineOperation({
  id: "searchSource",
  method: "GET",
  path: "/api/environments/{env}/portfolios/{portfolio}/sources/{blueprint}",
  summary: "Options of a source-backed field (<blueprint>:<value field>:<label field>): server-side search with a cursor",
  tag: "Documents",
  role: "viewer",
  params: sourceParamsSchema,
  query: sourceQuerySchema,
  response: sourcePageSchema,
});

export const exportDocumentsOp = defineOperation({
  id: "exportDocuments",
  method: "GET",
  path: "/api/environments/{env}/portfolios/{portfolio}/exports/{blueprint}",
  summary: "Every document of one blueprint in a portfolio, as JSON or as JSON-LD (from each field's semantic URI)",
  tag: "Documents",
  role: "viewer",
  params: docsParamsSchema,
  query: exportQuerySchema,
  response: z.unknown(),
});

export const getDocumentBlueprintOp = defineOperation({
  id: "getDocumentBlueprint",
  method: "GET",
  path: "/api/environments/{env}/document-blueprints/{blueprint}",
  summary: "The blueprint version a document form renders (the one new documents use, or ?irn=&version= of a stored document) and the environment's languages",
  tag: "Documents",
  role: "viewer",
  params: documentBlueprintParamsSchema,
  query: documentBlueprintQuerySchema,
  response: documentBlueprintSchema,
});
