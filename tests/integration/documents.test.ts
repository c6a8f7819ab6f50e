import { CreateTableCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import places from "@/blueprints/examples/places.json";
import visits from "@/blueprints/examples/visits.json";
import { homeClients } from "@/lib/aws/clients";
import { StaleDocumentError } from "@/lib/documents/errors";
import { countDocuments } from "@/lib/documents/count";
import { exportDocuments } from "@/lib/documents/export";
import { EXAMPLE_DOCUMENTS, seedSandboxExamples } from "@/lib/documents/sandbox-examples";
import { listDocuments } from "@/lib/documents/list";
import { documentListQuerySchema, sourceQuerySchema, type DocumentView } from "@/lib/documents/schema";
import { searchSource } from "@/lib/documents/sources";
import { dataTable } from "@/lib/documents/table";
import { createDocument, deleteDocument, getDocument, updateDocument } from "@/lib/documents/write";
import { findEnvironment, getEnvironment } from "@/lib/environments/read";
import { createInstaller } from "@/lib/provisioning/installer";
import { languagesOf, type EnvironmentRecord } from "@/lib/environments/record";
import { ensureSandboxEnvironment } from "@/lib/environments/sandbox";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { NotFoundError, ValidationError } from "@/lib/http/errors";
import { DEFAULT_BLUEPRINTS } from "@/lib/provisioning/default-blueprints";
import { environmentNames } from "@/lib/provisioning/names";
import { tableSpecs } from "@/lib/provisioning/tables";
import { withEmulator } from "../support/emulator";

withEmulator();

let env: EnvironmentRecord;
const jobs = { portfolio: "sys", blueprint: "schd_jobs" };
const runs = { portfolio: "sys", blueprint: "schd_runs" };
const placesRef = { portfolio: "sys", blueprint: "places" };
const list = (ref: typeof jobs, q: object) => listDocuments(env, ref, documentListQuerySchema.parse(q));

/** An environment with step 3's blueprints and data tables and the given blueprints, nothing else. */
async function environmentWithTables(name: string, blueprints: Record<string, unknown>[]) {
  const record = (await findEnvironment(name)) ?? (await createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" } }), "tester"));
  const names = environmentNames(record.name).tables;
  const { dynamodb, documents } = homeClients();
  for (const spec of tableSpecs(names).filter((t) => t.TableName === names.data || t.TableName === names.blueprints)) {
    await dynamodb.send(new CreateTableCommand(spec));
    await waitUntilTableExists({ client: dynamodb, maxWaitTime: 60 }, { TableName: spec.TableName });
  }
  for (const item of blueprints) await documents.send(new PutCommand({ TableName: names.blueprints, Item: item }));
  return record;
}

beforeAll(async () => {
  env = await environmentWithTables("docs-one", [...DEFAULT_BLUEPRINTS.map((b) => b.document), places, visits]);
});

const job = (name: string, extra: object = {}) => ({ values: { name, status: "available", handler: `jobs.${name}`, type: "control", ...extra } });

const fieldErrorsOf = async (promise: Promise<unknown>) => {
  const err: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fieldErrors ?? {};
};

describe("documents (against the emulator)", () => {
  it("creates, reads, saves at a revision and refuses a stale save with the stored version", async () => {
    const created = await createDocument(env, jobs, job("backup", { version: "1.0.0" }), "a@x.io");
    expect(created).toMatchObject({ revision: 1, blueprintIrn: "irn:blueprint:irma:schd_jobs", blueprintVersion: "0.0.1", createdBy: "a@x.io" });
    expect(created.values).toEqual({ name: "backup", status: "available", handler: "jobs.backup", type: "control", version: "1.0.0" });
    expect(await getDocument(env, jobs, created.id)).toEqual(created);

    // Stored as the data model says: values at the top level, keys on the table and its indexes.
    const stored = await homeClients().documents.send(
      new QueryCommand({ TableName: "docs-one_data", KeyConditionExpression: "portfolio_index = :p AND doc_index = :d", ExpressionAttributeValues: { ":p": "sys", ":d": `schd_jobs#${created.id}` } }),
    );
    expect(stored.Items?.[0]).toMatchObject({ name: "backup", _id: created.id, time_index: `schd_jobs#${created.createdAt}#${created.id}`, _revision: 1 });

    const saved = await updateDocument(env, jobs, created.id, { ...job("backup", { description: "nightly" }), revision: 1 }, "b@x.io");
    expect(saved).toMatchObject({ revision: 2, updatedBy: "b@x.io", createdBy: "a@x.io" });
    expect(saved.values.description).toBe("nightly");
    expect(saved.values).not.toHaveProperty("version");

    const stale = await updateDocument(env, jobs, created.id, { ...job("backup-mine"), revision: 1 }, "c@x.io").catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleDocumentError);
    expect((stale as StaleDocumentError).status).toBe(409);
    expect((stale as StaleDocumentError).details?.current).toMatchObject({ revision: 2, values: { description: "nightly" } });
    expect((await getDocument(env, jobs, created.id)).values.name).toBe("backup");
  });

  it("answers 400 naming each undeclared, mistyped or missing field, and writes nothing", async () => {
    const before = (await list(jobs, { limit: 100 })).items.length;
    const errors = await fieldErrorsOf(createDocument(env, jobs, { values: { name: "x", status: "maybe", colour: "red", handler: 7 } }, "a@x.io"));
    expect(Object.keys(errors).sort()).toEqual(["colour", "handler", "status", "type"]);
    expect(await fieldErrorsOf(createDocument(env, jobs, { values: { ...job("x").values, _revision: 9 } }, "a@x.io"))).toHaveProperty("_revision");
    expect((await list(jobs, { limit: 100 })).items.length).toBe(before);
  });

  it("checks that a source-backed value names an existing document, and searches the source", async () => {
    const nightly = await createDocument(env, jobs, job("Nightly export"), "a@x.io");
    const hourly = await createDocument(env, jobs, job("Hourly sync"), "a@x.io");
    const run = { schd_jobs_id: nightly.id, status: "new", trigger: "manual", author: "a@x.io" };
    const created = await createDocument(env, runs, { values: run }, "a@x.io");
    expect(created.values.schd_jobs_id).toBe(nightly.id);
    const missing = await fieldErrorsOf(createDocument(env, runs, { values: { ...run, schd_jobs_id: "3f0e9640-0000-4000-8000-000000000000" } }, "a@x.io"));
    expect(missing.schd_jobs_id?.[0]).toMatch(/No schd_jobs document/);

    const table = dataTable(env);
    const found = await searchSource(table, "sys", "schd_jobs", sourceQuerySchema.parse({ value: "_id", label: "name", q: "EXPORT" }));
    expect(found.items).toEqual([{ value: nightly.id, label: "Nightly export" }]);
    const exact = await searchSource(table, "sys", "schd_jobs", sourceQuerySchema.parse({ value: "_id", label: "name", q: hourly.id }));
    expect(exact).toEqual({ items: [{ value: hourly.id, label: "Hourly sync" }], nextCursor: null });
    const first = await searchSource(table, "sys", "schd_jobs", sourceQuerySchema.parse({ value: "_id", label: "name", limit: 1 }));
    expect(first.items).toEqual([{ value: hourly.id, label: "Hourly sync" }]);
    const second = await searchSource(table, "sys", "schd_jobs", sourceQuerySchema.parse({ value: "_id", label: "name", limit: 1, cursor: first.nextCursor ?? undefined }));
    expect(second.items).toEqual([{ value: nightly.id, label: "Nightly export" }]);
  });

  it("lists newest first with a cursor and a text filter, and refuses a forged cursor", async () => {
    const made: DocumentView[] = [];
    for (let i = 0; i < 5; i++) made.push(await createDocument(env, jobs, job(`Paged ${i}`, { description: i % 2 ? "Odd One" : "even" }), "a@x.io"));
    const all = await list(jobs, { limit: 100 });
    const times = all.items.map((d) => d.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.items[0]).toMatchObject({ id: made[4]?.id, values: { name: "Paged 4", description: "even" }, createdBy: "a@x.io" });

    const page1 = await list(jobs, { limit: 2 });
    const page2 = await list(jobs, { limit: 2, cursor: page1.nextCursor ?? undefined });
    expect([...page1.items, ...page2.items].map((d) => d.id)).toEqual(all.items.slice(0, 4).map((d) => d.id));

    const odd = await list(jobs, { q: "odd one", limit: 1 });
    expect(odd.items.map((d) => d.values.name)).toEqual(["Paged 3"]);
    const oddNext = await list(jobs, { q: "odd one", limit: 1, cursor: odd.nextCursor ?? undefined });
    expect(oddNext.items.map((d) => d.values.name)).toEqual(["Paged 1"]);

    const forged = Buffer.from(JSON.stringify({ portfolio_index: "other", doc_index: "schd_jobs#x", time_index: "schd_jobs#x" })).toString("base64url");
    await expect(list(jobs, { cursor: forged })).rejects.toMatchObject({ status: 400, fieldErrors: { cursor: [expect.any(String)] } });
    await expect(list(jobs, { cursor: "%%%" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("browses folders through path_index", async () => {
    for (const path of ["reports", "reports/2025", "reports/2025/q1", "reports-old", "archive"]) {
      await createDocument(env, jobs, { ...job(`In ${path}`), path }, "a@x.io");
    }
    const root = await list(jobs, { folder: "/" });
    expect(root.folders).toEqual(["archive", "reports", "reports-old"]);
    const reports = await list(jobs, { folder: "reports" });
    expect(reports.items.map((d) => d.path).sort()).toEqual(["reports", "reports/2025", "reports/2025/q1"]);
    expect(reports.folders).toEqual(["reports/2025"]);
    expect((await list(jobs, { folder: "reports/2025", q: "q1" })).items.map((d) => d.values.name)).toEqual(["In reports/2025/q1"]);
  });

  it("finds documents near a point through geo_index, nearest first", async () => {
    const place = (name: string, lat: number, lon: number) =>
      createDocument(env, placesRef, { values: { name: { en: name }, category: "monument", location: { lat, lon } } }, "a@x.io");
    await place("Eiffel Tower", 48.8584, 2.2945);
    await place("Trocadero", 48.8616, 2.2893);
    await place("Louvre", 48.8606, 2.3376);
    await place("Tokyo Tower", 35.6586, 139.7454);
    const near = await list(placesRef, { near: "48.8584,2.2945", radius: 1000 });
    expect(near.items.map((d) => (d.values.name as { en: string }).en)).toEqual(["Eiffel Tower", "Trocadero"]);
    expect(near.items[1]?.distanceMeters).toBeGreaterThan(300);
    const wide = await list(placesRef, { near: "48.8584,2.2945", radius: 10_000 });
    expect(wide.items.map((d) => (d.values.name as { en: string }).en)).toEqual(["Eiffel Tower", "Trocadero", "Louvre"]);
  });

  it("deletes at the current revision only", async () => {
    const doc = await createDocument(env, jobs, job("Short-lived"), "a@x.io");
    await updateDocument(env, jobs, doc.id, { ...job("Short-lived"), revision: 1 }, "a@x.io");
    await expect(deleteDocument(env, jobs, doc.id, 1)).rejects.toBeInstanceOf(StaleDocumentError);
    await deleteDocument(env, jobs, doc.id, 2);
    await expect(getDocument(env, jobs, doc.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteDocument(env, jobs, doc.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("exports as JSON and as JSON-LD from each field's semantic", async () => {
    const json = await exportDocuments(env, placesRef, "json");
    expect(json).toMatchObject({ portfolio: "sys", blueprint: { name: "places", version: "1.0.0" } });
    expect((json.documents as unknown[]).length).toBe(4);
    const ld = await exportDocuments(env, placesRef, "jsonld");
    const context = ld["@context"] as Record<string, unknown>;
    expect(context.name).toEqual({ "@id": "https://schema.org/name", "@container": "@language" });
    expect(context.category).toEqual({ "@id": "hs:category" });
    expect(context.location).toEqual({ "@id": "https://schema.org/geo", "@type": "@json" });
    expect(context.internal_code).toEqual({ "@id": "https://tanktower.example/_blueprint/examples/places/1.0.0#internal_code" });
    const graph = ld["@graph"] as Record<string, unknown>[];
    expect(graph).toHaveLength(4);
    expect(graph[0]).toMatchObject({ "@id": expect.stringMatching(/^urn:uuid:/), "@type": "https://tanktower.example/_blueprint/examples/places/1.0.0" });
  });
});

describe("sandbox examples", () => {
  it("adds the example blueprints and valid example documents once", async () => {
    await ensureSandboxEnvironment("system:test");
    const sandbox = await environmentWithTables("sandbox", DEFAULT_BLUEPRINTS.map((b) => b.document));
    // Provisioning's step 1 rewrites the record with the installer's key; the languages stay.
    await createInstaller(sandbox, "system:test");
    expect(languagesOf(await getEnvironment("sandbox"))).toEqual(["en", "fr"]);
    expect(await seedSandboxExamples("system:test")).toEqual({ blueprints: 2, documents: EXAMPLE_DOCUMENTS.length });
    expect(await seedSandboxExamples("system:test")).toEqual({ blueprints: 0, documents: 0 });
    expect(await countDocuments(sandbox, "sys", "places")).toBe(4);
    expect(await countDocuments(sandbox, "sys", "nothing")).toBe(0);
    const placesPage = await listDocuments(sandbox, placesRef, documentListQuerySchema.parse({ limit: 100 }));
    expect(placesPage.items.map((d) => (d.values.name as { en: string }).en).sort()).toEqual(["Eiffel Tower", "Kew Gardens", "Louvre Museum", "Luxembourg Garden"]);
    const paris = await listDocuments(sandbox, placesRef, documentListQuerySchema.parse({ folder: "europe" }));
    expect(paris.folders).toEqual(["europe/france", "europe/united-kingdom"]);
    const visit = await getDocument(sandbox, { portfolio: "sys", blueprint: "visits" }, "0a5e1f00-0000-4000-8000-000000000101");
    expect(visit.values.notes).toEqual({ en: "Went up at sunset.", fr: "Montée au coucher du soleil." });
  });
});
