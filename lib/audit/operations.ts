import { defineOperation } from "@/lib/http/operation";
import { auditPageSchema, auditQuerySchema } from "@/lib/audit/schema";

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
