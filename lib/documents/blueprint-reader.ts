import "server-only";
import { GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import semver from "semver";
import { toUpstreamError } from "@/lib/aws/errors";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { NotFoundError } from "@/lib/http/errors";
import { environmentNames } from "@/lib/provisioning/names";

/**
 * INTERIM: the documents domain's own minimal read of `<env>_blueprints`,
 * until the blueprint store (lib/blueprints) lands; then this file goes.
 * Documents name their blueprint by `name` (as `source` and doc_index do),
 * while the table is keyed by irn, so finding a name reads the (small,
 * configuration-only) blueprints table; never the data table.
 */
export type BlueprintRecord = { irn: string; version: string; name: string; status: string; document: Record<string, unknown> };

function toRecord(item: Record<string, unknown> | undefined): BlueprintRecord | undefined {
  if (!item || typeof item.irn !== "string" || typeof item.version !== "string" || typeof item.name !== "string") return undefined;
  return { irn: item.irn, version: item.version, name: item.name, status: typeof item.status === "string" ? item.status : "draft", document: item };
}

function newer(a: BlueprintRecord, b: BlueprintRecord): boolean {
  const [va, vb] = [semver.coerce(a.version)?.version ?? "0.0.0", semver.coerce(b.version)?.version ?? "0.0.0"];
  return semver.gt(va, vb);
}

/** The version new documents use: the newest final version, else the newest draft. */
export async function findBlueprintByName(env: EnvironmentRecord, name: string): Promise<BlueprintRecord> {
  const TableName = environmentNames(env.name).tables.blueprints;
  const found: BlueprintRecord[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const out = await clientsForEnvironment(env).documents.send(
        new ScanCommand({ TableName, FilterExpression: "#name = :name", ExpressionAttributeNames: { "#name": "name" }, ExpressionAttributeValues: { ":name": name }, ExclusiveStartKey }),
      );
      for (const item of out.Items ?? []) {
        const record = toRecord(item);
        if (record) found.push(record);
      }
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, `reading the blueprints of ${env.name}`);
  }
  const pick = (list: BlueprintRecord[]) => list.reduce<BlueprintRecord | undefined>((best, r) => (!best || newer(r, best) ? r : best), undefined);
  const chosen = pick(found.filter((r) => r.status === "final")) ?? pick(found);
  if (!chosen) throw new NotFoundError(`${env.name} has no blueprint named ${name}.`);
  return chosen;
}

export async function getBlueprintVersion(env: EnvironmentRecord, irn: string, version: string): Promise<BlueprintRecord> {
  try {
    const out = await clientsForEnvironment(env).documents.send(
      new GetCommand({ TableName: environmentNames(env.name).tables.blueprints, Key: { irn, version }, ConsistentRead: true }),
    );
    const record = toRecord(out.Item);
    if (!record) throw new NotFoundError(`${env.name} has no blueprint ${irn} version ${version}.`);
    return record;
  } catch (err) {
    throw toUpstreamError(err, `reading a blueprint of ${env.name}`);
  }
}
