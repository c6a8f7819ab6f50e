import { listAuditOp } from "@/lib/audit/operations";
import { listAudit } from "@/lib/audit/list";
import { route } from "@/lib/http/route";

export const GET = route(listAuditOp, ({ query }) => listAudit(query));
