import { defineOperation } from "@/lib/http/operation";
import { auditPageSchema, auditQuerySchema, auditRecordParamsSchema, auditRecordQuerySchema, auditRecordSchema } from "@/lib/audit/schema";

export const listAuditOp = defineOperation({
  id: "listAudit",
  method: "GET",
  path: "/api/audit",
  summary: "Audit records, newest first, filtered, with a cursor",
  tag: "Audit",
  role: "operator",
  query: auditQuerySchema,
  response: auditPageSchema,
});

export const getAuditRecordOp = defineOperation({
  id: "getAuditRecord",
  method: "GET",
  path: "/api/audit/{id}",
  summary: "One audit record (every field), by id and time, for a linked detail view",
  tag: "Audit",
  role: "operator",
  params: auditRecordParamsSchema,
  query: auditRecordQuerySchema,
  response: auditRecordSchema,
});
