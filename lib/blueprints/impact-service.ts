import "server-only";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { environmentNames } from "@/lib/provisioning/names";
import { ValidationError } from "@/lib/http/errors";
import { diffBlueprints } from "@/lib/blueprints/diff";
import { buildDocumentSchema } from "@/lib/blueprints/document-schema";
import { assessImpact, type ImpactDocument } from "@/lib/blueprints/impact";
import { nameOf } from "@/lib/blueprints/record";
import type { ImpactView } from "@/lib/blueprints/schema";
import { getVersion, queryVersions } from "@/lib/blueprints/store-read";
import { parseBlueprint } from "@/lib/blueprints/types";
import { compareVersions } from "@/lib/blueprints/versions";

/**
 * The impact preview: the documents of one blueprint in one portfolio (a
 * Query on `portfolio_index` with `begins_with(doc_index, "<name>#")`, never a
 * Scan), validated with the version's document schema. Reading stops after
 * MAX_DOCUMENTS and says so, to keep the preview quick on a large portfolio.
 */
export const MAX_DOCUMENTS = 2000;

/** Attributes of a document item that are keys or the console's own (`_…`), not field values. */
const KEY_ATTRIBUTES = new Set(["portfolio_index", "doc_index", "time_index", "path_index", "geo_index"]);

export function documentValues(item: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(key) && !key.startsWith("_")) values[key] = value;
  return values;
}

async function readDocuments(env: EnvironmentRecord, portfolio: string, blueprint: string): Promise<{ documents: ImpactDocument[]; partial: boolean }> {
  const documents: ImpactDocument[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const out = await clientsForEnvironment(env).documents.send(
        new QueryCommand({
          TableName: environmentNames(env.name).tables.data,
          KeyConditionExpression: "portfolio_index = :p AND begins_with(doc_index, :prefix)",
          ExpressionAttributeValues: { ":p": portfolio, ":prefix": `${blueprint}#` },
          ExclusiveStartKey,
        }),
      );
      for (const item of out.Items ?? []) {
        const docIndex = typeof item.doc_index === "string" ? item.doc_index : "";
        documents.push({ id: docIndex.slice(blueprint.length + 1), values: documentValues(item) });
      }
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey && documents.length < MAX_DOCUMENTS);
  } catch (err) {
    throw toUpstreamError(err, "reading the blueprint's documents");
  }
  return { documents: documents.slice(0, MAX_DOCUMENTS), partial: Boolean(ExclusiveStartKey) || documents.length > MAX_DOCUMENTS };
}

export async function versionImpact(
  env: EnvironmentRecord,
  irn: string,
  version: string,
  query: { against?: string; portfolio: string },
  languages: string[] = ["en"],
): Promise<ImpactView> {
  const target = await getVersion(env, irn, version);
  const parsed = parseBlueprint(target.document);
  if (!parsed.success) throw new ValidationError(`${irn} ${version} is not a blueprint the form model can read.`);
  const againstVersion =
    query.against ??
    (await queryVersions(env, irn)).filter((v) => v.status === "final" && compareVersions(v.version, version) < 0).at(-1)?.version;
  const against = againstVersion ? await getVersion(env, irn, againstVersion) : undefined;
  const diff = against ? diffBlueprints(against.document, target.document) : undefined;
  const { documents, partial } = await readDocuments(env, query.portfolio, nameOf(target.document));
  const impact = assessImpact(documents, buildDocumentSchema(parsed.data, { languages }), { diff, partial });
  return { version, against: againstVersion ?? null, portfolio: query.portfolio, ...impact, diff: diff ?? null };
}
