import { beforeAll, describe, expect, it } from "vitest";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/http/errors";
import { prepareProvision } from "@/lib/provisioning/apply";
import { planEnvironment } from "@/lib/provisioning/service";
import type { JsonObject } from "@/lib/blueprints/json-text";
import { diffVersions, exportVersion, importBlueprint } from "@/lib/blueprints/service";
import { findLatestByName, getVersion, listBlueprints, listVersions } from "@/lib/blueprints/store-read";
import { createBlueprint, deleteDraft, publishVersion, startVersion, updateDraft } from "@/lib/blueprints/store-write";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { versionImpact } from "@/lib/blueprints/impact-service";
import { withEmulator } from "../support/emulator";
import { SEED_FILES, seedText } from "../blueprints/seed-files";

withEmulator();

const IRN = "irn:blueprint:acme:things";
let env: EnvironmentRecord;

function things(overrides: JsonObject = {}): JsonObject {
  return {
    irn: IRN,
    version: "0.0.1",
    name: "things",
    label: "Things",
    status: "draft",
    fields: [
      { name: "title", label: "Title", type: "string", widget: "text", layer: "0", order: "1", cardinality: "single", required: true },
      { name: "job", label: "Job", type: "string", widget: "select", layer: "0", order: "2", cardinality: "single", source: "schd_jobs:_id:name" },
    ],
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

beforeAll(async () => {
  env = await createEnvironment(environmentCreateSchema.parse({ name: "bp-env", region: "us-east-1", credentials: { type: "default" }, sesSender: "no-reply@bp.example" }), "tester");
  const plan = await planEnvironment(env);
  const result = await (await prepareProvision(env, plan.fingerprint, "tester")).run(() => {});
  expect(result.ok).toBe(true);
});

describe("blueprint store (against the emulator)", () => {
  it("lists the three seed blueprints installed by step 8 and exports each byte for byte", async () => {
    const list = await listBlueprints(env);
    expect(list.map((b) => [b.irn, b.latestVersion, b.status, b.versions, b.draftVersion, b.documents])).toEqual([
      ["irn:blueprint:irma:schd_jobs", "0.0.1", "final", 1, null, null],
      ["irn:blueprint:irma:schd_runs", "0.0.1", "final", 1, null, null],
      ["irn:blueprint:sys:entities", "0.0.1", "final", 1, null, null],
    ]);
    const texts = await Promise.all(list.map((b) => exportVersion(env, b.irn, b.latestVersion)));
    expect(texts.map((t) => t.text).sort()).toEqual(SEED_FILES.map(seedText).sort());
    expect(texts.map((t) => t.filename)).toEqual(["schd_jobs-0.0.1.json", "schd_runs-0.0.1.json", "entities-0.0.1.json"]);
  });

  it("refuses an invalid blueprint with errors naming each field, writing nothing", async () => {
    const bad = things({
      fields: [
        { name: "title", label: "Title", type: "string", widget: "select", layer: "0", order: "1", cardinality: "single" },
        { name: "job", label: "Job", type: "string", widget: "select", layer: "0", order: "1", cardinality: "single", source: "nope:_id:name" },
      ],
    });
    const err = await rejection(createBlueprint(env, { document: bad, verbatim: false }, "tester"));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({
      "fields.0.options": ["Field “title”: a select needs options or a source."],
      "fields.1.source": ["Field “job”: the source names blueprint “nope”, which this environment does not have."],
      "fields.1.order": ["Field “job”: order 1 is shared by “title”, “job”; give each field its own order."],
    });
    expect(await rejection(listVersions(env, IRN))).toBeInstanceOf(NotFoundError);
  });

  it("creates a draft, saves it at its revision, refuses a stale save, publishes it, then keeps it final", async () => {
    const created = await createBlueprint(env, { document: things(), verbatim: false }, "a@x.io");
    expect(created.record).toMatchObject({ irn: IRN, version: "0.0.1", status: "draft", revision: 1, updatedBy: "a@x.io" });
    expect(await rejection(createBlueprint(env, { document: things({ version: "0.0.2" }), verbatim: false }, "a@x.io"))).toBeInstanceOf(ConflictError);

    const saved = await updateDraft(env, IRN, "0.0.1", { document: things({ label: "Things (A)" }), revision: 1 }, "a@x.io");
    expect(saved.record.revision).toBe(2);
    const staleSave = await rejection(updateDraft(env, IRN, "0.0.1", { document: things({ label: "Things (B)" }), revision: 1 }, "b@x.io"));
    expect(staleSave).toBeInstanceOf(ConflictError);
    expect((await getVersion(env, IRN, "0.0.1")).document.label).toBe("Things (A)");

    // Two saves at the same revision at once: exactly one wins.
    const race = await Promise.allSettled([
      updateDraft(env, IRN, "0.0.1", { document: things({ label: "C" }), revision: 2 }, "c@x.io"),
      updateDraft(env, IRN, "0.0.1", { document: things({ label: "D" }), revision: 2 }, "d@x.io"),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = race.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(ConflictError);

    expect(await rejection(publishVersion(env, IRN, "0.0.1", 2, "a@x.io"))).toBeInstanceOf(ConflictError);
    const published = await publishVersion(env, IRN, "0.0.1", 3, "a@x.io");
    expect(published.record).toMatchObject({ status: "final", revision: 4 });
    expect((await getVersion(env, IRN, "0.0.1")).document.status).toBe("final");

    expect((await rejection(updateDraft(env, IRN, "0.0.1", { document: things(), revision: 4 }, "a@x.io"))) as Error).toMatchObject({ status: 409, message: expect.stringMatching(/final version cannot change/) });
    expect(await rejection(deleteDraft(env, IRN, "0.0.1", 4))).toBeInstanceOf(ConflictError);
    expect(await rejection(publishVersion(env, IRN, "0.0.1", 4, "a@x.io"))).toBeInstanceOf(ConflictError);
  });

  it("starts new versions with the chosen bump, one open draft at a time, and sorts them semantically", async () => {
    const edited = things();
    (edited.fields as JsonObject[])[0] = { ...(edited.fields as JsonObject[])[0], cardinality: "multiple" };
    const next = await startVersion(env, IRN, { from: "0.0.1", bump: "minor", document: edited }, "a@x.io");
    expect(next.record).toMatchObject({ version: "0.1.0", status: "draft", revision: 1 });
    expect(next.record.document.irn).toBe(IRN);
    expect(await rejection(startVersion(env, IRN, { from: "0.0.1", bump: "patch" }, "a@x.io"))).toMatchObject({ status: 409, message: expect.stringMatching(/open draft \(0\.1\.0\)/) });

    const diff = await diffVersions(env, IRN, "0.0.1", "0.1.0");
    expect(diff.fields.map((c) => c.summary)).toEqual(["title now holds several values"]);

    await deleteDraft(env, IRN, "0.1.0", 1);
    expect(await rejection(getVersion(env, IRN, "0.1.0"))).toBeInstanceOf(NotFoundError);

    for (const version of ["0.0.9", "0.0.10"]) await createBlueprint(env, { document: things({ version, status: "final" }), verbatim: true }, "a@x.io");
    const patch = await startVersion(env, IRN, { from: "0.0.9", bump: "patch" }, "a@x.io");
    expect(patch.record.version).toBe("0.0.11");
    expect((await listVersions(env, IRN)).map((v) => `${v.version} ${v.status}`)).toEqual(["0.0.1 final", "0.0.9 final", "0.0.10 final", "0.0.11 draft"]);
    expect((await findLatestByName(env, "things"))?.version).toBe("0.0.11");
    expect(await findLatestByName(env, "nothing")).toBeUndefined();
    const summary = (await listBlueprints(env)).find((b) => b.irn === IRN);
    expect(summary).toMatchObject({ latestVersion: "0.0.11", status: "draft", versions: 4, draftVersion: "0.0.11", fieldNames: ["title", "job"] });
  });

  it("imports JSON text, reporting malformed JSON with line and column", async () => {
    const err = await rejection(importBlueprint(env, { text: '{\n "irn": "irn:blueprint:acme:other",\n "fields": [,]\n}', verbatim: true }, "a@x.io"));
    expect(err).toMatchObject({ status: 400, fieldErrors: { text: ['Line 3, column 13: Expected a value (object, array, string, number, true, false or null) but found ",".'] } });
    expect(await rejection(importBlueprint(env, { text: "[1]", verbatim: true }, "a@x.io"))).toMatchObject({ status: 400, fieldErrors: { text: [expect.stringMatching(/JSON object/)] } });

    // A seed already installed cannot be imported over itself; its text imports as a new blueprint once renamed.
    expect(await rejection(importBlueprint(env, { text: seedText("irma-schd-jobs.json"), verbatim: true }, "a@x.io"))).toBeInstanceOf(ConflictError);
    const text = seedText("sys-entities.json").replace("irn:blueprint:sys:entities", "irn:blueprint:acme:people");
    const imported = await importBlueprint(env, { text, verbatim: true }, "a@x.io");
    expect(imported.issues.map((i) => i.path)).toEqual(["fields.19.order"]);
    expect((await exportVersion(env, "irn:blueprint:acme:people", "0.0.1")).text).toBe(text);
  });

  it("previews the impact of a new version on the documents of a portfolio", async () => {
    const runs = "irn:blueprint:irma:schd_runs";
    const put = (id: string, values: Record<string, unknown>, portfolio = "sys") =>
      homeClients().documents.send(
        new PutCommand({ TableName: "bp-env_data", Item: { portfolio_index: portfolio, doc_index: `schd_runs#${id}`, time_index: `schd_runs#2026-01-01T00:00:00Z#${id}`, _id: id, _revision: 1, ...values } }),
      );
    const base = { schd_jobs_id: "j1", status: "new", trigger: "manual", author: "me" };
    await put("r1", { ...base, output: "done", time_queued: "2026-01-01" });
    await put("r2", { ...base, output: "log" });
    await put("r3", { ...base, time_queued: "2026-01-02", color: "red" });
    await put("elsewhere", base, "other-portfolio");

    const draft = await startVersion(env, runs, { from: "0.0.1", bump: "minor" }, "a@x.io");
    const fields = draft.record.document.fields as JsonObject[];
    const edited = {
      ...draft.record.document,
      fields: fields.map((f) => (f.name === "output" ? { ...f, cardinality: "multiple" } : f.name === "time_queued" ? { ...f, required: true } : f)),
    };
    await updateDraft(env, runs, "0.1.0", { document: edited, revision: 1 }, "a@x.io");

    const impact = await versionImpact(env, runs, "0.1.0", { portfolio: "sys" });
    expect(impact).toMatchObject({ version: "0.1.0", against: "0.0.1", portfolio: "sys", total: 3, failing: 2, partial: false });
    expect(impact.fields.map((f) => [f.field, f.documents, f.examples])).toEqual([
      ["color", 1, ["r3"]],
      ["time_queued", 1, ["r2"]],
    ]);
    expect(impact.fields[0]?.reasons).toEqual([{ message: "Not a field of this blueprint", documents: 1 }]);
    expect(impact.fields[1]?.changes).toEqual(["time_queued is now required"]);
    expect(impact.diff?.fields.map((c) => c.kind)).toEqual(["single-to-multiple", "newly-required"]);
    // The unchanged seed version accepts two of them; the document with an undeclared field fails there too.
    expect((await versionImpact(env, runs, "0.0.1", { portfolio: "sys" })).failing).toBe(1);
  });
});
