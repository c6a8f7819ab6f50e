import "server-only";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { config } from "@/lib/config/env";
import { ValidationError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";

/**
 * The console's own table (TT_CONSOLE_TABLE) in its home account: one table,
 * several item kinds told apart by their partition key (see docs/data-model.md).
 *   pk "ENV"          sk <env name>            environment records
 *   pk "AUDIT"        sk <iso time>#<id>       audit records (gsi1: per environment)
 *   pk "CONSOLE"      sk "auth"                the console's own user pool settings
 *   pk "LOCK"         sk <env name>            provisioning locks (with expiry)
 *   pk "SESSION"      sk <sub>#<session id>    open console sessions (TTL)
 */
export const GSI_BY_ENVIRONMENT = "gsi1";

/** The table's DynamoDB TTL attribute (epoch seconds): items that carry it are removed some time after it passes. */
export const TTL_ATTRIBUTE = "ttl";

export function registryTableName(): string {
  return config().tableName;
}

export function registryTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "pk", AttributeType: "S" },
      { AttributeName: "sk", AttributeType: "S" },
      { AttributeName: "gsi1pk", AttributeType: "S" },
      { AttributeName: "gsi1sk", AttributeType: "S" },
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI_BY_ENVIRONMENT,
        KeySchema: [
          { AttributeName: "gsi1pk", KeyType: "HASH" },
          { AttributeName: "gsi1sk", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
    ],
  };
}

let ready: Promise<void> | undefined;

/** Creates the table on first use if it is missing; memoised per process. */
export function ensureRegistryTable(): Promise<void> {
  ready ??= createIfMissing().catch((err: unknown) => {
    ready = undefined;
    throw toUpstreamError(err, "the console registry table");
  });
  return ready;
}

async function createIfMissing(): Promise<void> {
  const { dynamodb } = homeClients();
  const TableName = registryTableName();
  let exists = true;
  try {
    await dynamodb.send(new DescribeTableCommand({ TableName }));
  } catch (err) {
    if (!isAwsError(err, "ResourceNotFoundException")) throw err;
    exists = false;
  }
  if (!exists) {
    try {
      await dynamodb.send(new CreateTableCommand(registryTableDefinition(TableName)));
    } catch (err) {
      // Another console process created it first.
      if (!isAwsError(err, "ResourceInUseException")) throw err;
    }
    await waitUntilTableExists({ client: dynamodb, maxWaitTime: 120, minDelay: 1, maxDelay: 5 }, { TableName });
  }
  await ensureTimeToLive(dynamodb, TableName);
}

/**
 * Expired sessions (and other expiring items) are removed by DynamoDB's TTL.
 * Housekeeping only: readers check expiry themselves, so a principal that may
 * not change TTL settings is logged, not fatal.
 */
async function ensureTimeToLive(dynamodb: DynamoDBClient, TableName: string): Promise<void> {
  try {
    const out = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName }));
    const status = out.TimeToLiveDescription?.TimeToLiveStatus;
    if (status === "ENABLED" || status === "ENABLING") return;
    await dynamodb.send(
      new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }),
    );
  } catch (err) {
    log.warn("could not enable TTL on the registry table", { table: TableName, error: err });
  }
}

/** Cursor encoding for DynamoDB LastEvaluatedKey: opaque to clients, validated on the way back. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null;
}

export function decodeCursor(cursor: string | undefined, allowedKeys: readonly string[]): Record<string, string> | undefined {
  if (!cursor) return undefined;
  const invalid = ValidationError.forField("cursor", "The cursor is not valid; start again from the first page.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw invalid;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (!allowedKeys.includes(k) || typeof v !== "string") throw invalid;
    out[k] = v;
  }
  return out;
}
