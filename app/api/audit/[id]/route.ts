import { getAuditRecordOp } from "@/lib/audit/operations";
import { getAuditRecord } from "@/lib/audit/get";
import { route } from "@/lib/http/route";

export const GET = route(getAuditRecordOp, ({ params, query }) => getAuditRecord(params.id, query.at));
