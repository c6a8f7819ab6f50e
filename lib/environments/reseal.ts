import "server-only";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { forgetClients, homeClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { seal, unsealWithRotation } from "@/lib/crypto/sealed";
import { listEnvironments } from "@/lib/environments/read";
import { environmentKey } from "@/lib/environments/record";
import { registryTableName } from "@/lib/registry/table";

/**
 * Step 3 of rotating TT_CONSOLE_SECRET (docs/deploy.md): every stored access
 * key sealed with the previous secret is sealed again with the current one,
 * each with a conditional write at the version read (a concurrent edit wins
 * and is reported, not overwritten). Afterwards TT_CONSOLE_SECRET_PREVIOUS can
 * be removed.
 */
export type ResealResult = { resealed: string[]; current: string[]; unreadable: string[]; changedMeanwhile: string[] };

export async function resealRegistrySecrets(actor: string): Promise<ResealResult> {
  const result: ResealResult = { resealed: [], current: [], unreadable: [], changedMeanwhile: [] };
  for (const env of await listEnvironments()) {
    if (env.credentials.type !== "keys") continue;
    const opened = unsealWithRotation("registry-secrets", env.credentials.secretSealed);
    if (!opened) {
      result.unreadable.push(env.name);
      continue;
    }
    if (!opened.wasPrevious) {
      result.current.push(env.name);
      continue;
    }
    try {
      await homeClients().documents.send(
        new UpdateCommand({
          TableName: registryTableName(),
          Key: environmentKey(env.name),
          UpdateExpression: "SET #credentials.#sealed = :sealed, #version = :next, updatedAt = :now, updatedBy = :actor",
          ConditionExpression: "attribute_exists(pk) AND #version = :expected",
          ExpressionAttributeNames: { "#credentials": "credentials", "#sealed": "secretSealed", "#version": "version" },
          ExpressionAttributeValues: {
            ":sealed": seal("registry-secrets", opened.plaintext),
            ":next": env.version + 1,
            ":expected": env.version,
            ":now": new Date().toISOString(),
            ":actor": actor,
          },
        }),
      );
      forgetClients(`env:${env.name}:`);
      result.resealed.push(env.name);
    } catch (err) {
      if (isAwsError(err, "ConditionalCheckFailedException")) result.changedMeanwhile.push(env.name);
      else throw toUpstreamError(err, `re-sealing the access key of ${env.name}`);
    }
  }
  return result;
}
