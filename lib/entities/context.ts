import "server-only";
import type { AwsClients } from "@/lib/aws/clients";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { getEnvironment } from "@/lib/environments/read";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { environmentNames, type TableNames } from "@/lib/provisioning/names";

/** What every entities/invites service needs about one environment: its record, clients and table names. */
export type EnvContext = { env: EnvironmentRecord; clients: AwsClients; tables: TableNames };

export async function environmentContext(name: string): Promise<EnvContext> {
  const env = await getEnvironment(name);
  return contextFor(env);
}

export function contextFor(env: EnvironmentRecord): EnvContext {
  return { env, clients: clientsForEnvironment(env), tables: environmentNames(env.name).tables };
}
