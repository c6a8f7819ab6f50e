import "server-only";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { toUpstreamError } from "@/lib/aws/errors";
import { NotFoundError } from "@/lib/http/errors";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";
import { ENV_PK, environmentKey, recordFromItem, type EnvironmentRecord } from "@/lib/environments/record";

export async function findEnvironment(name: string): Promise<EnvironmentRecord | undefined> {
  await ensureRegistryTable();
  try {
    const out = await homeClients().documents.send(
      new GetCommand({ TableName: registryTableName(), Key: environmentKey(name), ConsistentRead: true }),
    );
    return recordFromItem(out.Item);
  } catch (err) {
    throw toUpstreamError(err, "reading the environment registry");
  }
}

export async function getEnvironment(name: string): Promise<EnvironmentRecord> {
  const record = await findEnvironment(name);
  if (!record) throw new NotFoundError(`There is no environment named ${name}.`);
  return record;
}

/** All environments, by name. One partition, read with a paginated Query. */
export async function listEnvironments(): Promise<EnvironmentRecord[]> {
  await ensureRegistryTable();
  const records: EnvironmentRecord[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const out = await homeClients().documents.send(
        new QueryCommand({
          TableName: registryTableName(),
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": ENV_PK },
          ExclusiveStartKey,
        }),
      );
      for (const item of out.Items ?? []) {
        const record = recordFromItem(item);
        if (record) records.push(record);
      }
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, "listing environments");
  }
  return records;
}
