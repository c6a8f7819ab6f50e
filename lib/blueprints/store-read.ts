import "server-only";
import { GetCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { NotFoundError } from "@/lib/http/errors";
import { environmentNames } from "@/lib/provisioning/names";
import { openDraft } from "@/lib/blueprints/lifecycle";
import { fieldName, fieldsOf } from "@/lib/blueprints/raw-fields";
import { labelOf, nameOf, recordFromItem, type BlueprintRecord } from "@/lib/blueprints/record";
import type { BlueprintSummary, VersionSummary } from "@/lib/blueprints/schema";
import type { KnownBlueprint } from "@/lib/blueprints/validate";
import { compareVersions, sortVersions } from "@/lib/blueprints/versions";

/**
 * Reads of `<env>_blueprints` (keys `irn` + `version`). One blueprint's
 * versions are one Query; one version is one GetItem. Listing every
 * blueprint of an environment is the one Scan: the table holds only
 * definitions (a few KB per version, tens of blueprints), the TankTower app
 * writes to it too (so a summary item kept by the console could go stale),
 * and only the list page and a save's source check need it. See
 * docs/data-model.md.
 */
export function blueprintsTable(env: EnvironmentRecord): string {
  return environmentNames(env.name).tables.blueprints;
}

function documentsClient(env: EnvironmentRecord) {
  return clientsForEnvironment(env).documents;
}

export async function findVersion(env: EnvironmentRecord, irn: string, version: string): Promise<BlueprintRecord | undefined> {
  try {
    const out = await documentsClient(env).send(new GetCommand({ TableName: blueprintsTable(env), Key: { irn, version }, ConsistentRead: true }));
    return recordFromItem(out.Item);
  } catch (err) {
    throw toUpstreamError(err, "reading the blueprint");
  }
}

export async function getVersion(env: EnvironmentRecord, irn: string, version: string): Promise<BlueprintRecord> {
  const record = await findVersion(env, irn, version);
  if (!record) throw new NotFoundError(`Blueprint ${irn} has no version ${version}.`);
  return record;
}

/** Every version of one blueprint, full items, oldest first (semantic order). */
export async function queryVersions(env: EnvironmentRecord, irn: string): Promise<BlueprintRecord[]> {
  const records: BlueprintRecord[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const out = await documentsClient(env).send(
        new QueryCommand({
          TableName: blueprintsTable(env),
          KeyConditionExpression: "irn = :irn",
          ExpressionAttributeValues: { ":irn": irn },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of out.Items ?? []) {
        const record = recordFromItem(item);
        if (record) records.push(record);
      }
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, "reading the blueprint's versions");
  }
  return sortVersions(records, (r) => r.version);
}

export function versionSummary(r: BlueprintRecord): VersionSummary {
  return { version: r.version, status: r.status, label: labelOf(r.document), revision: r.revision, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
}

export async function listVersions(env: EnvironmentRecord, irn: string): Promise<VersionSummary[]> {
  const records = await queryVersions(env, irn);
  if (records.length === 0) throw new NotFoundError(`There is no blueprint ${irn} in ${env.name}.`);
  return records.map(versionSummary);
}

/** Every version of every blueprint, grouped by irn (the one Scan; see the module comment). */
async function scanAll(env: EnvironmentRecord): Promise<Map<string, BlueprintRecord[]>> {
  const byIrn = new Map<string, BlueprintRecord[]>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const out = await documentsClient(env).send(
        new ScanCommand({
          TableName: blueprintsTable(env),
          ProjectionExpression: "irn, #version, #status, #name, #label, #fields, #revision",
          ExpressionAttributeNames: { "#version": "version", "#status": "status", "#name": "name", "#label": "label", "#fields": "fields", "#revision": "_revision" },
          ExclusiveStartKey,
        }),
      );
      for (const item of out.Items ?? []) {
        const record = recordFromItem(item);
        if (record) byIrn.set(record.irn, [...(byIrn.get(record.irn) ?? []), record]);
      }
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, "listing blueprints");
  }
  return byIrn;
}

/**
 * Number of documents of a blueprint, by blueprint name. The documents domain
 * (lib/documents) provides it once it keeps counts; until then the list says
 * "unknown" (null) rather than scanning the data table.
 */
export type DocumentCounter = (blueprintName: string) => Promise<number | null>;

export async function listBlueprints(env: EnvironmentRecord, countDocuments?: DocumentCounter): Promise<BlueprintSummary[]> {
  const byIrn = await scanAll(env);
  const summaries = await Promise.all(
    [...byIrn].flatMap(([irn, records]) => {
      const sorted = sortVersions(records, (r) => r.version);
      const latest = sorted.at(-1);
      return latest ? [{ irn, sorted, latest }] : [];
    }).map(async ({ irn, sorted, latest }): Promise<BlueprintSummary> => {
      const name = nameOf(latest.document);
      return {
        irn,
        name,
        label: labelOf(latest.document),
        latestVersion: latest.version,
        status: latest.status,
        versions: sorted.length,
        draftVersion: openDraft(sorted)?.version ?? null,
        fieldNames: fieldsOf(latest.document).map(fieldName),
        documents: countDocuments ? await countDocuments(name) : null,
      };
    }),
  );
  return summaries.sort((a, b) => a.irn.localeCompare(b.irn));
}

/** The latest version of every blueprint but `exceptIrn`, as validation's source check needs it. */
export async function knownBlueprints(env: EnvironmentRecord, exceptIrn?: string): Promise<KnownBlueprint[]> {
  const byIrn = await scanAll(env);
  const known: KnownBlueprint[] = [];
  for (const [irn, records] of byIrn) {
    if (irn === exceptIrn) continue;
    const latest = [...records].sort((a, b) => compareVersions(a.version, b.version)).at(-1);
    if (latest) known.push({ name: nameOf(latest.document), fields: fieldsOf(latest.document).map(fieldName) });
  }
  return known;
}

/** The latest version of the blueprint named `name` (documents name their blueprint by name). */
export async function findLatestByName(env: EnvironmentRecord, name: string): Promise<BlueprintRecord | undefined> {
  const byIrn = await scanAll(env);
  for (const [irn, records] of byIrn) {
    const latest = sortVersions(records, (r) => r.version).at(-1);
    if (latest && nameOf(latest.document) === name) return getVersion(env, irn, latest.version);
  }
  return undefined;
}
