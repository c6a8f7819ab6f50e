import "server-only";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { TIME_INDEX, timePrefix } from "@/lib/documents/keys";
import { dataTable } from "@/lib/documents/table";
import type { EnvironmentRecord } from "@/lib/environments/record";

/** Reads a count may take (each up to 1 MB of index keys); past them the count is unknown. */
const MAX_COUNT_READS = 5;

/**
 * How many documents of one blueprint a portfolio holds: a COUNT Query on
 * time_index (keys only, no items returned), or null when there are more than
 * a few reads' worth, so a list page never pays for a huge blueprint.
 */
export async function countDocuments(env: EnvironmentRecord, portfolio: string, blueprint: string): Promise<number | null> {
  const table = dataTable(env);
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  try {
    for (let reads = 0; reads < MAX_COUNT_READS; reads++) {
      const out = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: TIME_INDEX,
          KeyConditionExpression: "#p = :p AND begins_with(#t, :prefix)",
          ExpressionAttributeNames: { "#p": "portfolio_index", "#t": TIME_INDEX },
          ExpressionAttributeValues: { ":p": portfolio, ":prefix": timePrefix(blueprint) },
          Select: "COUNT",
          ExclusiveStartKey: startKey,
        }),
      );
      count += out.Count ?? 0;
      startKey = out.LastEvaluatedKey;
      if (!startKey) return count;
    }
  } catch (err) {
    throw toUpstreamError(err, `counting ${blueprint} documents`);
  }
  return null;
}
