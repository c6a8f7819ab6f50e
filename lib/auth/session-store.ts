import "server-only";
import { randomBytes } from "node:crypto";
import { AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { consoleAuthSettings } from "@/lib/auth/console-settings";
import { homeClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { NotFoundError } from "@/lib/http/errors";
import { ensureRegistryTable, registryTableName, TTL_ATTRIBUTE } from "@/lib/registry/table";

/**
 * Server-side session records (pk "SESSION", sk "<sub>#<sid>"). The sealed
 * cookie says who the caller claims to be; this record says the session is
 * still open. Every request reads it (strongly consistent, no cache), so a
 * sign-out, a "sign out everywhere" or a deactivation on one replica ends the
 * session on all of them at once. DynamoDB's TTL removes records of sessions
 * that simply ran out; reads check the expiry too, since TTL deletion lags.
 */
export const SESSION_PK = "SESSION";

export type SessionRecordInput = { sid: string; sub: string; email: string; maxExp: number };

export function newSessionId(): string {
  return randomBytes(24).toString("base64url");
}

function sessionKey(sub: string, sid: string) {
  return { pk: SESSION_PK, sk: `${sub}#${sid}` };
}

export async function createSessionRecord(input: SessionRecordInput, now = Date.now()): Promise<void> {
  await ensureRegistryTable();
  try {
    await homeClients().documents.send(
      new PutCommand({
        TableName: registryTableName(),
        Item: {
          ...sessionKey(input.sub, input.sid),
          kind: "session",
          sub: input.sub,
          email: input.email,
          createdAt: new Date(now).toISOString(),
          expiresAt: input.maxExp,
          [TTL_ATTRIBUTE]: Math.ceil(input.maxExp / 1000),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  } catch (err) {
    throw toUpstreamError(err, "recording the session");
  }
}

/** Whether the session is still open: its record exists and has not expired. */
export async function isSessionOpen(sub: string, sid: string, now = Date.now()): Promise<boolean> {
  await ensureRegistryTable();
  try {
    const out = await homeClients().documents.send(
      new GetCommand({ TableName: registryTableName(), Key: sessionKey(sub, sid), ConsistentRead: true }),
    );
    const expiresAt = out.Item?.expiresAt;
    return typeof expiresAt === "number" && expiresAt > now;
  } catch (err) {
    throw toUpstreamError(err, "checking the session");
  }
}

export async function deleteSessionRecord(sub: string, sid: string): Promise<void> {
  await ensureRegistryTable();
  try {
    await homeClients().documents.send(new DeleteCommand({ TableName: registryTableName(), Key: sessionKey(sub, sid) }));
  } catch (err) {
    throw toUpstreamError(err, "ending the session");
  }
}

/**
 * Ends every session of one console user (by Cognito `sub`), on every replica:
 * "sign out everywhere", and what deactivating a console user must call.
 * Returns how many sessions were open.
 */
export async function revokeSessionsOf(sub: string): Promise<number> {
  await ensureRegistryTable();
  const { documents } = homeClients();
  const TableName = registryTableName();
  let ended = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": SESSION_PK, ":prefix": `${sub}#` },
          ProjectionExpression: "pk, sk",
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      const keys = (page.Items ?? []).map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
      for (let i = 0; i < keys.length; i += 25) {
        let requests = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
        // BatchWrite may hand some deletes back under load; send those again.
        for (let attempt = 0; requests.length > 0; attempt++) {
          if (attempt > 5) throw new Error("BatchWriteItem kept returning unprocessed session deletes");
          const out = await documents.send(new BatchWriteCommand({ RequestItems: { [TableName]: requests } }));
          const left = out.UnprocessedItems?.[TableName] ?? [];
          requests = left.flatMap((r) => (r.DeleteRequest?.Key ? [{ DeleteRequest: { Key: { pk: String(r.DeleteRequest.Key.pk), sk: String(r.DeleteRequest.Key.sk) } } }] : []));
          if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
      ended += keys.length;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, "ending the user's sessions");
  }
  return ended;
}

/**
 * The operator's way to end someone's sessions by email (`tt console end-sessions`):
 * the console pool's `sub` for that sign-in name, then revokeSessionsOf.
 */
export async function revokeSessionsOfEmail(email: string): Promise<{ sub: string; ended: number }> {
  const settings = await consoleAuthSettings();
  let sub: string | undefined;
  try {
    const out = await homeClients().cognito.send(new AdminGetUserCommand({ UserPoolId: settings.userPoolId, Username: email.trim().toLowerCase() }));
    sub = out.UserAttributes?.find((a) => a.Name === "sub")?.Value;
  } catch (err) {
    if (isAwsError(err, "UserNotFoundException")) throw new NotFoundError(`No console user signs in as ${email}.`);
    throw toUpstreamError(err, "looking up the console user");
  }
  if (!sub) throw new NotFoundError(`No console user signs in as ${email}.`);
  return { sub, ended: await revokeSessionsOf(sub) };
}
