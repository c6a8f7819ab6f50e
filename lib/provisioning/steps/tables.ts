import "server-only";
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { isAwsError } from "@/lib/aws/errors";
import { DEFAULT_BLUEPRINTS } from "@/lib/provisioning/default-blueprints";
import { expirySpec, tableSpecs } from "@/lib/provisioning/tables";
import { capacityOf } from "@/lib/provisioning/plan";
import type { StepExecutor } from "@/lib/provisioning/steps/context";

/** Step 3: create a missing table exactly as the document says, and wait until it is usable. */
export const createTable: StepExecutor = async (ctx, key) => {
  const spec = tableSpecs(ctx.names.tables, capacityOf(ctx.env)).find((t) => t.TableName === ctx.names.tables[key as keyof typeof ctx.names.tables]);
  if (!spec) throw new Error(`unknown table ${key}`);
  try {
    await ctx.aws.dynamodb.send(new CreateTableCommand(spec));
  } catch (err) {
    // Created by a run that died before recording it: the checklist judges its shape.
    if (!isAwsError(err, "ResourceInUseException")) throw err;
  }
  await waitForActiveTable(ctx.aws.dynamodb, spec.TableName, 300_000);
};

/** Step 3 (a correction): expiry (TTL on `_ttl`) for the data table's short-lived console rows. */
export const enableExpiry: StepExecutor = async (ctx, key) => {
  if (key !== "data") throw new Error(`no expiry for table ${key}`);
  try {
    await ctx.aws.dynamodb.send(new UpdateTimeToLiveCommand(expirySpec(ctx.names.tables.data)));
  } catch (err) {
    // Turned on by a run that died before recording it: DynamoDB refuses to enable it twice.
    if (!(isAwsError(err, "ValidationException") && /already enabled/i.test(err instanceof Error ? err.message : ""))) throw err;
  }
};

/**
 * Polls until the table is ACTIVE. Unlike the SDK's waitUntilTableExists,
 * which keeps polling through any error for its whole wait time, only "not
 * there yet" is waited out: an endpoint that stops answering fails the step
 * once the SDK's own retries give up, so the run ends and can be resumed.
 */
async function waitForActiveTable(dynamodb: DynamoDBClient, TableName: string, maxWaitMs: number): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      const table = (await dynamodb.send(new DescribeTableCommand({ TableName }))).Table;
      if (table?.TableStatus === "ACTIVE") return;
    } catch (err) {
      if (!isAwsError(err, "ResourceNotFoundException")) throw err;
    }
    if (Date.now() + delay > deadline) throw new Error(`${TableName} did not become ACTIVE within ${Math.round(maxWaitMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** Step 8: store a default blueprint verbatim; a stored version is never overwritten. */
export const putBlueprint: StepExecutor = async (ctx, irn) => {
  const blueprint = DEFAULT_BLUEPRINTS.find((b) => b.irn === irn);
  if (!blueprint) throw new Error(`unknown blueprint ${irn}`);
  try {
    await ctx.aws.documents.send(
      new PutCommand({ TableName: ctx.names.tables.blueprints, Item: blueprint.document, ConditionExpression: "attribute_not_exists(irn)" }),
    );
  } catch (err) {
    if (!isAwsError(err, "ConditionalCheckFailedException")) throw err;
  }
};
