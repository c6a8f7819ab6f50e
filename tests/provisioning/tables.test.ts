import type { CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { environmentNames } from "@/lib/provisioning/names";
import { compareTable, tableSpecs, type TableDescriptionLike, type TableSpec } from "@/lib/provisioning/tables";

const specs = tableSpecs(environmentNames("acme").tables);

function spec(name: string): TableSpec {
  const found = specs.find((s) => s.TableName === name);
  if (!found) throw new Error(`no spec ${name}`);
  return found;
}

/** What DescribeTable returns for a table created from the spec (it adds fields we ignore). */
function described(s: TableSpec): TableDescription {
  return {
    TableName: s.TableName,
    TableStatus: "ACTIVE",
    KeySchema: [...s.KeySchema].reverse(),
    AttributeDefinitions: [...s.AttributeDefinitions].reverse(),
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5, NumberOfDecreasesToday: 0 },
    LocalSecondaryIndexes: s.LocalSecondaryIndexes?.map((i) => ({
      IndexName: i.IndexName,
      KeySchema: i.KeySchema,
      Projection: i.Projection,
      IndexSizeBytes: 0,
      ItemCount: 0,
      IndexArn: `arn:aws:dynamodb:eu-west-3:123456789012:table/${s.TableName}/index/${i.IndexName}`,
    })),
  };
}

// Compile-time checks: the specs are valid SDK inputs and SDK output is accepted as-is.
const _input: CreateTableCommandInput[] = specs;
const _output: TableDescriptionLike = described(specs[0] ?? spec(""));

describe("step 3 table specs", () => {
  it("creates the four tables in the document's order, provisioned at 1/1 by default", () => {
    expect(specs.map((s) => s.TableName)).toEqual(["acme_blueprints", "acme_data", "acme_entities", "acme_rel"]);
    for (const s of specs) {
      expect(s.BillingMode).toBe("PROVISIONED");
      expect(s.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 1, WriteCapacityUnits: 1 });
    }
    const custom = tableSpecs(environmentNames("acme").tables, { read: 3, write: 2 });
    expect(custom[1]?.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 3, WriteCapacityUnits: 2 });
  });

  it.each([
    ["acme_blueprints", "irn", "version"],
    ["acme_data", "portfolio_index", "doc_index"],
    ["acme_entities", "index", "_id"],
    ["acme_rel", "index", "rel"],
  ])("%s is keyed %s (HASH, S) + %s (RANGE, S)", (name, hash, range) => {
    const s = spec(name);
    expect(s.KeySchema).toEqual([
      { AttributeName: hash, KeyType: "HASH" },
      { AttributeName: range, KeyType: "RANGE" },
    ]);
    expect(s.AttributeDefinitions).toEqual(expect.arrayContaining([
      { AttributeName: hash, AttributeType: "S" },
      { AttributeName: range, AttributeType: "S" },
    ]));
  });

  it("gives only the data table local secondary indexes", () => {
    expect(specs.filter((s) => s.LocalSecondaryIndexes !== undefined).map((s) => s.TableName)).toEqual(["acme_data"]);
    for (const name of ["acme_blueprints", "acme_entities", "acme_rel"]) expect(spec(name).AttributeDefinitions).toHaveLength(2);
  });

  it("defines the data table's three indexes as step 3 does", () => {
    const data = spec("acme_data");
    expect(data.AttributeDefinitions).toEqual(
      ["portfolio_index", "doc_index", "geo_index", "path_index", "time_index"].map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
    );
    expect(data.LocalSecondaryIndexes).toEqual([
      {
        IndexName: "geo_index",
        KeySchema: [
          { AttributeName: "portfolio_index", KeyType: "HASH" },
          { AttributeName: "geo_index", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "KEYS_ONLY" },
      },
      {
        IndexName: "path_index",
        KeySchema: [
          { AttributeName: "portfolio_index", KeyType: "HASH" },
          { AttributeName: "path_index", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
      {
        IndexName: "time_index",
        KeySchema: [
          { AttributeName: "portfolio_index", KeyType: "HASH" },
          { AttributeName: "time_index", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["path_index"] },
      },
    ]);
  });
});

describe("compareTable", () => {
  const data = spec("acme_data");

  it("is done for an identical table, whatever its capacity or key order", () => {
    for (const s of specs) expect(compareTable(s, described(s))).toEqual({ status: "done", problems: [], repairable: false });
    const onDemand: TableDescription = { ...described(data), BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" } };
    expect(compareTable(data, onDemand).status).toBe("done");
  });

  it("is missing when there is no table", () => {
    expect(compareTable(data, undefined)).toEqual({ status: "missing", problems: ["The table acme_data does not exist yet."], repairable: false });
  });

  it("reports a missing index as drift the console will not repair", () => {
    const actual = { ...described(data), LocalSecondaryIndexes: described(data).LocalSecondaryIndexes?.filter((i) => i.IndexName !== "time_index") };
    const result = compareTable(data, actual);
    expect(result.status).toBe("drifted");
    expect(result.repairable).toBe(false);
    expect(result.problems).toEqual([
      "The local secondary index time_index is missing. A local secondary index can only be created together with its table, so the console will not touch it; it never deletes a table.",
    ]);
  });

  it("reports a wrong key schema", () => {
    const rel = spec("acme_rel");
    const result = compareTable(rel, {
      ...described(rel),
      KeySchema: [
        { AttributeName: "index", KeyType: "HASH" },
        { AttributeName: "relation", KeyType: "RANGE" },
      ],
    });
    expect(result).toMatchObject({ status: "drifted", repairable: false });
    expect(result.problems).toEqual([
      "The table acme_rel has partition key index, sort key relation instead of partition key index, sort key rel. A table's key schema cannot be changed, and the console never deletes a table.",
    ]);
  });

  it("reports a key attribute of the wrong type", () => {
    const blueprints = spec("acme_blueprints");
    const result = compareTable(blueprints, {
      ...described(blueprints),
      AttributeDefinitions: [
        { AttributeName: "irn", AttributeType: "S" },
        { AttributeName: "version", AttributeType: "N" },
      ],
    });
    expect(result.status).toBe("drifted");
    expect(result.problems).toEqual(["The attribute version of acme_blueprints has type N instead of S. A key attribute's type cannot be changed."]);
  });

  it("compares INCLUDE attributes as sets", () => {
    const withAttrs = (attrs: string[]): TableDescriptionLike => ({
      ...described(data),
      LocalSecondaryIndexes: described(data).LocalSecondaryIndexes?.map((i) =>
        i.IndexName === "time_index" ? { ...i, Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: attrs } } : i,
      ),
    });
    const different = compareTable(data, withAttrs(["path_index", "doc_type"]));
    expect(different).toMatchObject({ status: "drifted", repairable: false });
    expect(different.problems).toEqual([
      "The local secondary index time_index projects INCLUDE (doc_type, path_index) instead of INCLUDE (path_index). A local secondary index can only be created together with its table, so the console will not touch it; it never deletes a table.",
    ]);
    const reordered = { ...data, LocalSecondaryIndexes: data.LocalSecondaryIndexes?.map((i) => (i.IndexName === "time_index" ? { ...i, Projection: { ProjectionType: "INCLUDE" as const, NonKeyAttributes: ["b", "a"] } } : i)) };
    expect(compareTable(reordered, withAttrs(["a", "b"])).status).toBe("done");
  });

  it("reports a different projection, a different index key and an extra index", () => {
    const actual: TableDescriptionLike = {
      ...described(data),
      LocalSecondaryIndexes: [
        { IndexName: "geo_index", KeySchema: data.LocalSecondaryIndexes?.[0]?.KeySchema, Projection: { ProjectionType: "ALL" } },
        {
          IndexName: "path_index",
          KeySchema: [
            { AttributeName: "portfolio_index", KeyType: "HASH" },
            { AttributeName: "doc_path", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
        { IndexName: "time_index", KeySchema: data.LocalSecondaryIndexes?.[2]?.KeySchema, Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["path_index"] } },
        { IndexName: "legacy_index", KeySchema: [], Projection: { ProjectionType: "KEYS_ONLY" } },
      ],
    };
    const result = compareTable(data, actual);
    expect(result.status).toBe("drifted");
    expect(result.problems.map((p) => p.split(". A local")[0])).toEqual([
      "The local secondary index geo_index projects ALL instead of KEYS_ONLY",
      "The local secondary index path_index has partition key portfolio_index, sort key doc_path instead of partition key portfolio_index, sort key path_index",
      "The table has a local secondary index legacy_index that step 3 does not define",
    ]);
  });
});
