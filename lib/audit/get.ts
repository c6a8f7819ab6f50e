import "server-only";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { toUpstreamError } from "@/lib/aws/errors";
import { NotFoundError } from "@/lib/http/errors";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";
import { auditRecordSchema, type AuditRecord } from "@/lib/audit/schema";

/** One audit record by its time and id (its sort key is `<at>#<id>`): a GetItem, for a linked record. */
export async function getAuditRecord(id: string, at: string): Promise<AuditRecord> {
  await ensureRegistryTable();
  let item: Record<string, unknown> | undefined;
  try {
    const out = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: { pk: "AUDIT", sk: `${at}#${id}` } }));
    item = out.Item;
  } catch (err) {
    throw toUpstreamError(err, "reading the audit log");
  }
  const parsed = auditRecordSchema.safeParse(item);
  if (!parsed.success) throw new NotFoundError("There is no audit record with this id and time.");
  return parsed.data;
}
