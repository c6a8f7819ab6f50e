import "server-only";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { environmentNames } from "@/lib/provisioning/names";

/** The data table of an environment and the client that reaches it. */
export type DataTable = { env: EnvironmentRecord; name: string; client: DynamoDBDocumentClient };

export function dataTable(env: EnvironmentRecord): DataTable {
  return { env, name: environmentNames(env.name).tables.data, client: clientsForEnvironment(env).documents };
}
