import "server-only";
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { homeClients } from "@/lib/aws/clients";
import { toUpstreamError } from "@/lib/aws/errors";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";

/**
 * What provisioning learned or chose for an environment (pk "PROV", sk env):
 * ids AWS assigned (pool, client, policy version), the bucket name of step 4b, and when
 * sessions were last revoked. Kept apart from the environment item so that
 * editing an environment and provisioning it never conflict.
 */
export const provisioningRecordSchema = z.object({
  bucketName: z.string().optional(),
  userPoolId: z.string().optional(),
  userPoolArn: z.string().optional(),
  appClientId: z.string().optional(),
  /** Step 4's managed policy and the default version the console last set: the checklist reads from these first. */
  policyArn: z.string().optional(),
  policyVersionId: z.string().optional(),
  sessionsRevokedAt: z.string().optional(),
  lastAppliedAt: z.string().optional(),
});
export type ProvisioningRecord = z.infer<typeof provisioningRecordSchema>;

const key = (env: string) => ({ pk: "PROV", sk: env });

export async function readProvisioningRecord(env: string): Promise<ProvisioningRecord> {
  await ensureRegistryTable();
  try {
    const out = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: key(env), ConsistentRead: true }));
    const parsed = provisioningRecordSchema.safeParse(out.Item ?? {});
    return parsed.success ? parsed.data : {};
  } catch (err) {
    throw toUpstreamError(err, "reading the provisioning record");
  }
}

/** Sets the given fields; `onlyIfAbsent` fields are written only when not set yet (a bucket name is chosen once). */
export async function updateProvisioningRecord(
  env: string,
  fields: Partial<ProvisioningRecord>,
  opts: { onlyIfAbsent?: boolean } = {},
): Promise<void> {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = entries.map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:v${i}`] = v;
    return opts.onlyIfAbsent ? `#f${i} = if_not_exists(#f${i}, :v${i})` : `#f${i} = :v${i}`;
  });
  await homeClients().documents.send(
    new UpdateCommand({
      TableName: registryTableName(),
      Key: key(env),
      UpdateExpression: `SET ${sets.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}
