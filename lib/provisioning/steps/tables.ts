import "server-only";
import { CreateTableCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { isAwsError } from "@/lib/aws/errors";
import { DEFAULT_BLUEPRINTS } from "@/lib/provisioning/default-blueprints";
import { tableSpecs } from "@/lib/provisioning/tables";
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
  await waitUntilTableExists({ client: ctx.aws.dynamodb, maxWaitTime: 300, minDelay: 1, maxDelay: 5 }, { TableName: spec.TableName });
};

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
