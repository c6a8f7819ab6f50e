import { CreateTableCommand, UpdateTimeToLiveCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { environmentNames } from "@/lib/provisioning/names";
import { expirySpec, tableSpecs } from "@/lib/provisioning/tables";

/** Registers an environment and creates its `<env>_data` (with its expiry) and `<env>_blueprints` tables (step 3's definitions) in the emulator. */
export async function jobsEnvironment(name: string, extra: Record<string, unknown> = {}) {
  await createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, ...extra }), "tester@example.com");
  const { dynamodb } = homeClients();
  for (const table of [`${name}_data`, `${name}_blueprints`]) {
    const spec = tableSpecs(environmentNames(name).tables).find((t) => t.TableName === table);
    if (!spec) throw new Error(`no table spec for ${table}`);
    await dynamodb.send(new CreateTableCommand(spec));
    await waitUntilTableExists({ client: dynamodb, maxWaitTime: 60 }, { TableName: table });
  }
  await dynamodb.send(new UpdateTimeToLiveCommand(expirySpec(`${name}_data`)));
}
