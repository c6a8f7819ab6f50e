import "server-only";
import { DescribeTimeToLiveCommand, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { log } from "@/lib/log/logger";
import type { JobStore } from "@/lib/jobs/store";

/**
 * Expiry of the console's short-lived rows in `<env>_data` (idempotency keys,
 * bulk re-run progress). They carry `_ttl` (epoch seconds): a console
 * attribute, so it can never be a blueprint field of a document (field names
 * never start with `_`), and DynamoDB's TTL only removes items that have it.
 * The table's TTL is switched on to `_ttl` the first time a process writes such
 * a row to an environment. Housekeeping only: readers check expiry themselves
 * (TTL deletion lags up to days), so a principal that may not change TTL, or a
 * table whose TTL already uses another attribute, is logged, not fatal.
 */
export const DATA_TTL_ATTRIBUTE = "_ttl";

const checked = new Set<string>();

export async function ensureDataTableExpiry(store: JobStore): Promise<void> {
  const key = `${store.env.name}/${store.table}`;
  if (checked.has(key)) return;
  checked.add(key);
  const { dynamodb } = clientsForEnvironment(store.env);
  try {
    const out = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: store.table }));
    const status = out.TimeToLiveDescription?.TimeToLiveStatus;
    const attribute = out.TimeToLiveDescription?.AttributeName;
    if (status === "ENABLED" || status === "ENABLING") {
      if (attribute !== DATA_TTL_ATTRIBUTE) {
        log.warn("the data table's TTL uses another attribute; expired idempotency keys stay until removed by hand", { table: store.table, attribute });
      }
      return;
    }
    await dynamodb.send(new UpdateTimeToLiveCommand({ TableName: store.table, TimeToLiveSpecification: { AttributeName: DATA_TTL_ATTRIBUTE, Enabled: true } }));
  } catch (err) {
    log.warn("could not enable TTL on the data table", { table: store.table, error: err });
  }
}
