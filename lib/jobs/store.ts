import "server-only";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { getEnvironment } from "@/lib/environments/read";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { environmentNames } from "@/lib/provisioning/names";

/** Where an environment's job types, runs and their index/aggregate rows live: `<env>_data`. */
export type JobStore = { env: EnvironmentRecord; db: DynamoDBDocumentClient; table: string };

export async function jobStore(envName: string): Promise<JobStore> {
  const env = await getEnvironment(envName);
  return storeFor(env);
}

export function storeFor(env: EnvironmentRecord): JobStore {
  return { env, db: clientsForEnvironment(env).documents, table: environmentNames(env.name).tables.data };
}
