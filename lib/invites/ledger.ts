import "server-only";
import { randomUUID } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { awsErrorCode, toUpstreamError } from "@/lib/aws/errors";
import { ConflictError, NotFoundError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor, ensureRegistryTable, registryTableName } from "@/lib/registry/table";
import { failedStep, ledgerStatus, type StepState } from "@/lib/invites/steps";
import type { Invite } from "@/lib/invites/schema";
import type { MemberRole } from "@/lib/entities/schema";

/**
 * The invite ledger, in the console's own table (pk `INVITE#<env>`, sk invite
 * id): the console's bookkeeping, kept out of the app's tables. Ids start with
 * the creation time in base 36, so a Query newest-first is the ledger's order.
 * The temporary password is never stored.
 */
export type InviteRecord = {
  id: string;
  env: string;
  email: string;
  name?: string;
  language?: string;
  teams: { id: string; role: MemberRole }[];
  entityId: string;
  cognitoSub?: string;
  steps: StepState;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  sentAt?: string;
  expiresAt?: string;
  acceptedAt?: string;
  revokedAt?: string;
  revokedBy?: string;
  bulkRunId?: string;
  version: number;
};

const pk = (env: string) => `INVITE#${env}`;

export function newInviteId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, "0")}-${randomUUID().slice(0, 8)}`;
}

export function inviteView(r: InviteRecord, now = new Date()): Invite {
  return {
    id: r.id,
    email: r.email,
    ...(r.name ? { name: r.name } : {}),
    ...(r.language ? { language: r.language } : {}),
    teams: r.teams,
    entityId: r.entityId,
    status: ledgerStatus(r, now),
    steps: r.steps,
    failure: failedStep(r.steps) ?? null,
    expiresAt: r.expiresAt ?? null,
    sentAt: r.sentAt ?? null,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    ...(r.bulkRunId ? { bulkRunId: r.bulkRunId } : {}),
  };
}

function strip(item: Record<string, unknown>): InviteRecord {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as InviteRecord;
}

/** Writes a record at the next version, only if nobody wrote it since `record.version` (0 = new). */
export async function saveInvite(record: InviteRecord): Promise<InviteRecord> {
  const next = { ...record, version: record.version + 1, updatedAt: new Date().toISOString() };
  try {
    await ensureRegistryTable();
    await homeClients().documents.send(
      new PutCommand({
        TableName: registryTableName(),
        Item: { pk: pk(record.env), sk: record.id, kind: "invite", ...next },
        ConditionExpression: record.version === 0 ? "attribute_not_exists(pk)" : "#v = :v",
        ...(record.version === 0 ? {} : { ExpressionAttributeNames: { "#v": "version" }, ExpressionAttributeValues: { ":v": record.version } }),
      }),
    );
  } catch (err) {
    if (awsErrorCode(err) === "ConditionalCheckFailedException") throw new ConflictError("This invite was changed by another request. Reload the ledger.");
    throw toUpstreamError(err, "saving the invite");
  }
  return next;
}

export async function findInvite(env: string, id: string): Promise<InviteRecord | undefined> {
  await ensureRegistryTable();
  try {
    const out = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: { pk: pk(env), sk: id }, ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  } catch (err) {
    throw toUpstreamError(err, "reading the invite");
  }
}

export async function readInvite(env: string, id: string): Promise<InviteRecord> {
  const found = await findInvite(env, id);
  if (!found) throw new NotFoundError(`There is no invite ${id} in ${env}.`);
  return found;
}

export async function deleteInvite(env: string, id: string): Promise<void> {
  await homeClients().documents.send(new DeleteCommand({ TableName: registryTableName(), Key: { pk: pk(env), sk: id } }));
}

export async function listInviteRecords(env: string, limit: number, cursor?: string): Promise<{ items: InviteRecord[]; cursor: string | null }> {
  await ensureRegistryTable();
  try {
    const out = await homeClients().documents.send(
      new QueryCommand({
        TableName: registryTableName(),
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": pk(env) },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ["pk", "sk"]),
      }),
    );
    return { items: (out.Items ?? []).map(strip), cursor: encodeCursor(out.LastEvaluatedKey) };
  } catch (err) {
    throw toUpstreamError(err, "listing invites");
  }
}
