import "server-only";
import { randomUUID } from "node:crypto";
import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { isAwsError } from "@/lib/aws/errors";
import { LockedError } from "@/lib/http/errors";
import { registryTableName } from "@/lib/registry/table";

/**
 * One apply per environment at a time: a lock item (pk "LOCK", sk env) taken
 * with a conditional put, with an expiry so a crashed run does not block the
 * environment for ever, renewed while the run lasts. A release that cannot
 * reach DynamoDB (the endpoint restarting) is retried in the background until
 * it succeeds or the lock would have expired anyway.
 */
const TTL_MS = 2 * 60 * 1000;
const RELEASE_RETRY_MS = 1_000;

export type ProvisioningLock = { release: () => Promise<void> };

async function put(env: string, owner: string, holder: string, takeOver: boolean): Promise<void> {
  const now = Date.now();
  await homeClients().documents.send(
    new PutCommand({
      TableName: registryTableName(),
      Item: { pk: "LOCK", sk: env, owner, holder, acquiredAt: new Date(now).toISOString(), expiresAt: now + TTL_MS },
      ConditionExpression: takeOver ? "#owner = :owner" : "attribute_not_exists(pk) OR expiresAt < :now",
      ExpressionAttributeValues: takeOver ? { ":owner": owner } : { ":now": now },
      ...(takeOver ? { ExpressionAttributeNames: { "#owner": "owner" } } : {}),
    }),
  );
}

export async function acquireProvisioningLock(env: string, holder: string): Promise<ProvisioningLock> {
  const owner = randomUUID();
  try {
    await put(env, owner, holder, false);
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) {
      throw new LockedError(`Another provisioning run is in progress on ${env}. Wait for it to finish, then plan again.`);
    }
    throw err;
  }
  const renew = setInterval(() => void put(env, owner, holder, true).catch(() => undefined), TTL_MS / 3);
  renew.unref();
  return {
    release: async () => {
      clearInterval(renew);
      const giveUpAt = Date.now() + TTL_MS;
      const attempt = async (): Promise<boolean> => {
        try {
          await homeClients().documents.send(
            new DeleteCommand({
              TableName: registryTableName(),
              Key: { pk: "LOCK", sk: env },
              ConditionExpression: "#owner = :owner",
              ExpressionAttributeNames: { "#owner": "owner" },
              ExpressionAttributeValues: { ":owner": owner },
            }),
          );
          return true;
        } catch (err) {
          // Not ours any more (expired and taken over): nothing to release.
          return isAwsError(err, "ConditionalCheckFailedException");
        }
      };
      if (await attempt()) return;
      const retry = setInterval(() => {
        if (Date.now() > giveUpAt) return clearInterval(retry);
        void attempt().then((released) => released && clearInterval(retry));
      }, RELEASE_RETRY_MS);
      retry.unref();
    },
  };
}
