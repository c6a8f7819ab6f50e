import { CreateTableCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { environmentNames } from "@/lib/provisioning/names";
import { tableSpecs } from "@/lib/provisioning/tables";

/** Registers an environment and creates its `<env>_data` table (step 3's definition) in the emulator. */
export async function jobsEnvironment(name: string, extra: Record<string, unknown> = {}) {
  await createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, ...extra }), "tester@example.com");
  const data = tableSpecs(environmentNames(name).tables).find((t) => t.TableName === `${name}_data`);
  if (!data) throw new Error("no data table spec");
  const { dynamodb } = homeClients();
  await dynamodb.send(new CreateTableCommand(data));
  await waitUntilTableExists({ client: dynamodb, maxWaitTime: 60 }, { TableName: data.TableName });
}
