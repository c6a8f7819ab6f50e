/**
 * Step 3: the four DynamoDB tables, as CreateTable requests, and the check of
 * an existing table against them. Pure: the SDK field names are mirrored by
 * local types so this module can run anywhere; lib/aws sends the requests.
 */
import type { TableNames } from "@/lib/provisioning/names";

type AttributeType = "S" | "N" | "B";
type KeyType = "HASH" | "RANGE";
type ProjectionType = "ALL" | "KEYS_ONLY" | "INCLUDE";

export type KeySchemaElement = { AttributeName: string; KeyType: KeyType };
export type AttributeDefinition = { AttributeName: string; AttributeType: AttributeType };
export type Projection = { ProjectionType: ProjectionType; NonKeyAttributes?: string[] };
export type LocalSecondaryIndexSpec = { IndexName: string; KeySchema: KeySchemaElement[]; Projection: Projection };

/** The fields of the SDK's CreateTableCommandInput we set. */
export type TableSpec = {
  TableName: string;
  AttributeDefinitions: AttributeDefinition[];
  KeySchema: KeySchemaElement[];
  LocalSecondaryIndexes?: LocalSecondaryIndexSpec[];
  BillingMode: "PROVISIONED";
  ProvisionedThroughput: { ReadCapacityUnits: number; WriteCapacityUnits: number };
};

/** The fields of DescribeTable's `Table` that compareTable reads (all optional, as in the SDK). */
export type TableDescriptionLike = {
  TableName?: string | undefined;
  KeySchema?: { AttributeName?: string | undefined; KeyType?: string | undefined }[] | undefined;
  AttributeDefinitions?: { AttributeName?: string | undefined; AttributeType?: string | undefined }[] | undefined;
  LocalSecondaryIndexes?:
    | {
        IndexName?: string | undefined;
        KeySchema?: { AttributeName?: string | undefined; KeyType?: string | undefined }[] | undefined;
        Projection?: { ProjectionType?: string | undefined; NonKeyAttributes?: string[] | undefined } | undefined;
      }[]
    | undefined;
};

export type TableComparison = { status: "done" | "missing" | "drifted"; problems: string[]; repairable: false };

/** Free-tier friendly: the 25 RCU/WCU free allowance covers all four tables at 1/1. */
const DEFAULT_CAPACITY = { read: 1, write: 1 };

function keys(hash: string, range: string): KeySchemaElement[] {
  return [
    { AttributeName: hash, KeyType: "HASH" },
    { AttributeName: range, KeyType: "RANGE" },
  ];
}

function strings(...names: string[]): AttributeDefinition[] {
  return names.map((AttributeName) => ({ AttributeName, AttributeType: "S" }));
}

/** Blueprints, data (with its three local secondary indexes), entities, rel — in step 3's order. */
export function tableSpecs(names: TableNames, capacity: { read: number; write: number } = DEFAULT_CAPACITY): TableSpec[] {
  const base = {
    BillingMode: "PROVISIONED" as const,
    ProvisionedThroughput: { ReadCapacityUnits: capacity.read, WriteCapacityUnits: capacity.write },
  };
  return [
    { TableName: names.blueprints, AttributeDefinitions: strings("irn", "version"), KeySchema: keys("irn", "version"), ...base },
    {
      TableName: names.data,
      AttributeDefinitions: strings("portfolio_index", "doc_index", "geo_index", "path_index", "time_index"),
      KeySchema: keys("portfolio_index", "doc_index"),
      LocalSecondaryIndexes: [
        { IndexName: "geo_index", KeySchema: keys("portfolio_index", "geo_index"), Projection: { ProjectionType: "KEYS_ONLY" } },
        { IndexName: "path_index", KeySchema: keys("portfolio_index", "path_index"), Projection: { ProjectionType: "ALL" } },
        {
          IndexName: "time_index",
          KeySchema: keys("portfolio_index", "time_index"),
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["path_index"] },
        },
      ],
      ...base,
    },
    { TableName: names.entities, AttributeDefinitions: strings("index", "_id"), KeySchema: keys("index", "_id"), ...base },
    { TableName: names.rel, AttributeDefinitions: strings("index", "rel"), KeySchema: keys("index", "rel"), ...base },
  ];
}

type KeyLike = { AttributeName?: string | undefined; KeyType?: string | undefined };

function describeKeys(schema: KeyLike[] | undefined): string {
  const hash = schema?.find((k) => k.KeyType === "HASH")?.AttributeName ?? "none";
  const range = schema?.find((k) => k.KeyType === "RANGE")?.AttributeName ?? "none";
  return `partition key ${hash}, sort key ${range}`;
}

function describeProjection(p: { ProjectionType?: string | undefined; NonKeyAttributes?: string[] | undefined } | undefined): string {
  const type = p?.ProjectionType ?? "none";
  return type === "INCLUDE" ? `INCLUDE (${[...(p?.NonKeyAttributes ?? [])].sort().join(", ") || "no attributes"})` : type;
}

const LSI_IS_FIXED = "A local secondary index can only be created together with its table, so the console will not touch it; it never deletes a table.";

function compareIndexes(spec: TableSpec, actual: TableDescriptionLike): string[] {
  const problems: string[] = [];
  const wanted = spec.LocalSecondaryIndexes ?? [];
  const present = actual.LocalSecondaryIndexes ?? [];
  for (const index of wanted) {
    const found = present.find((i) => i.IndexName === index.IndexName);
    if (!found) {
      problems.push(`The local secondary index ${index.IndexName} is missing. ${LSI_IS_FIXED}`);
      continue;
    }
    const [wantKeys, haveKeys] = [describeKeys(index.KeySchema), describeKeys(found.KeySchema)];
    if (wantKeys !== haveKeys) {
      problems.push(`The local secondary index ${index.IndexName} has ${haveKeys} instead of ${wantKeys}. ${LSI_IS_FIXED}`);
    }
    const [wantProjection, haveProjection] = [describeProjection(index.Projection), describeProjection(found.Projection)];
    if (wantProjection !== haveProjection) {
      problems.push(`The local secondary index ${index.IndexName} projects ${haveProjection} instead of ${wantProjection}. ${LSI_IS_FIXED}`);
    }
  }
  for (const extra of present.filter((i) => !wanted.some((w) => w.IndexName === i.IndexName))) {
    problems.push(`The table has a local secondary index ${extra.IndexName ?? "(unnamed)"} that step 3 does not define. ${LSI_IS_FIXED}`);
  }
  return problems;
}

/**
 * Whether an existing table matches its step 3 spec. Capacity and billing mode
 * are the operator's choice, not drift. Nothing here is repairable in place:
 * key schemas and local secondary indexes are fixed at creation.
 */
export function compareTable(spec: TableSpec, actual: TableDescriptionLike | undefined): TableComparison {
  if (actual === undefined) {
    return { status: "missing", problems: [`The table ${spec.TableName} does not exist yet.`], repairable: false };
  }
  const problems: string[] = [];
  const [wantKeys, haveKeys] = [describeKeys(spec.KeySchema), describeKeys(actual.KeySchema)];
  if (wantKeys !== haveKeys) {
    problems.push(`The table ${spec.TableName} has ${haveKeys} instead of ${wantKeys}. A table's key schema cannot be changed, and the console never deletes a table.`);
  }
  for (const attribute of spec.AttributeDefinitions) {
    const found = actual.AttributeDefinitions?.find((a) => a.AttributeName === attribute.AttributeName);
    // An attribute missing here is already reported as a key or index problem.
    if (found && found.AttributeType !== attribute.AttributeType) {
      problems.push(
        `The attribute ${attribute.AttributeName} of ${spec.TableName} has type ${found.AttributeType ?? "none"} instead of ${attribute.AttributeType}. A key attribute's type cannot be changed.`,
      );
    }
  }
  problems.push(...compareIndexes(spec, actual));
  return { status: problems.length === 0 ? "done" : "drifted", problems, repairable: false };
}

/**
 * Expiry of the console's short-lived rows in `<env>_data` (idempotency keys, bulk re-run progress): they
 * carry `_ttl` (epoch seconds), a console attribute that can never be a blueprint field (field names never
 * start with `_`), and DynamoDB's TTL on it removes them. Part of step 3, a correction of the setup
 * document (which has no expiring rows). Readers check expiry themselves: TTL deletion lags up to days.
 */
export const DATA_TTL_ATTRIBUTE = "_ttl";

/** DescribeTimeToLive's answer, as the checklist reads it. */
export type TableExpiryLike = { status: string; attribute?: string | undefined };

export type ExpiryComparison = { status: "done" | "missing" | "other-attribute"; detail: string };

export function compareExpiry(table: string, expiry: TableExpiryLike | undefined): ExpiryComparison {
  const on = expiry?.status === "ENABLED" || expiry?.status === "ENABLING";
  if (on && expiry?.attribute === DATA_TTL_ATTRIBUTE) return { status: "done", detail: `${table}: expiry (TTL) on ${DATA_TTL_ATTRIBUTE}.` };
  if (on) {
    return {
      status: "other-attribute",
      detail: `${table}: expiry (TTL) is on ${expiry?.attribute ?? "another attribute"}, not ${DATA_TTL_ATTRIBUTE}; the console's expired idempotency keys stay until removed by hand (a table has one TTL attribute).`,
    };
  }
  return { status: "missing", detail: `${table}: expiry (TTL) on ${DATA_TTL_ATTRIBUTE} is off; applying turns it on.` };
}

export function expirySpec(table: string) {
  return { TableName: table, TimeToLiveSpecification: { AttributeName: DATA_TTL_ATTRIBUTE, Enabled: true } };
}
