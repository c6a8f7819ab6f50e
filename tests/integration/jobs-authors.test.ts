import { beforeAll, describe, expect, it } from "vitest";
import { CreateTableCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { AdminUpdateUserAttributesCommand, ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { CallLog, withCallLog } from "@/lib/aws/call-log";
import { initConsole } from "@/lib/auth/console-init";
import { contextFor } from "@/lib/entities/context";
import { createEntity } from "@/lib/entities/store";
import { forgetAuthorNames } from "@/lib/jobs/author-names";
import { createJobType } from "@/lib/jobs/job-types";
import { reindexRuns } from "@/lib/jobs/reindex";
import { getRun, jobsOverview, listRuns } from "@/lib/jobs/runs-read";
import { createRun } from "@/lib/jobs/runs-write";
import { jobTypeInputSchema, runQuerySchema, type JobType } from "@/lib/jobs/schema";
import { jobStore, type JobStore } from "@/lib/jobs/store";
import { environmentNames } from "@/lib/provisioning/names";
import { tableSpecs } from "@/lib/provisioning/tables";
import { withEmulator } from "../support/emulator";
import { jobsEnvironment } from "../support/jobs-env";

withEmulator();

const ENV = "jobnames";
let store: JobStore;
let job: JobType;
let adaId = "";
const q = (input: object) => runQuerySchema.parse(input);

beforeAll(async () => {
  await jobsEnvironment(ENV);
  const { dynamodb, cognito } = homeClients();
  const spec = tableSpecs(environmentNames(ENV).tables).find((t) => t.TableName === `${ENV}_entities`);
  if (!spec) throw new Error("no entities table spec");
  await dynamodb.send(new CreateTableCommand(spec));
  await waitUntilTableExists({ client: dynamodb, maxWaitTime: 60 }, { TableName: spec.TableName });
  store = await jobStore(ENV);
  job = await createJobType(store, jobTypeInputSchema.parse({ name: "Report", status: "available", handler: "/jobs/quick", type: "control" }), "op@console.test");
  // A TankTower user of the environment, and a console-pool user with a name attribute.
  adaId = (await createEntity(contextFor(store.env), { type: "user", name: "Ada Lovelace", email: "ada@example.com" })).id;
  const settings = await initConsole({ adminEmail: "op@console.test", permanentPassword: "Operator-Pass-1" });
  const op = (await cognito.send(new ListUsersCommand({ UserPoolId: settings.userPoolId, Filter: 'email = "op@console.test"' }))).Users?.[0];
  await cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId: settings.userPoolId, Username: op?.Username ?? "", UserAttributes: [{ Name: "name", Value: "Olga Operator" }] }));
}, 120_000);

describe("run authors by name (against the emulator)", () => {
  it("names environment users, console users and entity-id authors; keeps the key and filters on it", async () => {
    for (const author of ["ada@example.com", "op@console.test", "nobody@example.com", "cli:ops"]) {
      await createRun(store, { job, trigger: "manual", author, params: {} });
    }
    // A run the app wrote, its author the id of the entity that triggered it (the blueprint's meaning).
    const appRunId = "0a0a0a0a-0000-4000-a000-0000000000aa";
    await store.db.send(
      new PutCommand({
        TableName: store.table,
        Item: { portfolio_index: "sys", doc_index: `schd_runs#${appRunId}`, schd_jobs_id: job.id, status: "executed", trigger: "api", author: adaId, time_queued: "2026-11-28 10:00:00", time_executed: "2026-11-28 10:00:04" },
      }),
    );
    expect((await reindexRuns(store, { limit: 100 })).indexed).toBe(1);

    forgetAuthorNames();
    const cold = new CallLog();
    const page = await withCallLog(cold, () => listRuns(store, q({ limit: 25 })));
    const byAuthor = new Map(page.items.map((r) => [r.author, r.authorName]));
    expect(Object.fromEntries(byAuthor)).toEqual({
      "ada@example.com": "Ada Lovelace",
      "op@console.test": "Olga Operator",
      "nobody@example.com": null,
      "cli:ops": null,
      [adaId]: "Ada Lovelace",
    });
    // Bounded: the page Query, per distinct email one entities Query and (when the environment does not know it)
    // one ListUsers, the console settings read once, and one BatchGet for the entity ids.
    expect(cold.total).toBeLessThanOrEqual(1 + 3 * 2 + 1 + 1);
    const warm = new CallLog();
    await withCallLog(warm, () => listRuns(store, q({ limit: 25 })));
    expect(warm.total).toBe(1); // names come from the cache

    // The filter still matches the stored key; the detail and the overview carry the name too.
    const filtered = await listRuns(store, q({ author: "ada@example.com" }));
    expect(filtered.items.map((r) => [r.author, r.authorName])).toEqual([["ada@example.com", "Ada Lovelace"]]);
    expect(await getRun(store, appRunId)).toMatchObject({ jobName: "Report", author: adaId, authorName: "Ada Lovelace", durationMs: 4000 });
    const overview = await jobsOverview(store);
    expect(overview.items[0]?.recentRuns.find((r) => r.author === "op@console.test")?.authorName).toBe("Olga Operator");
  });

  it("leaves authors unnamed, and the list whole, when the environment has no entities table", async () => {
    await jobsEnvironment("jobnoent");
    const bare = await jobStore("jobnoent");
    const other = await createJobType(bare, jobTypeInputSchema.parse({ name: "Solo", status: "available", handler: "/jobs/quick", type: "control" }), "x@y.io");
    await createRun(bare, { job: other, trigger: "manual", author: "ghost@example.com", params: {} });
    forgetAuthorNames();
    const page = await listRuns(bare, q({}));
    expect(page.items.map((r) => [r.author, r.authorName])).toEqual([["ghost@example.com", null]]);
    // A failed lookup is not repeated on every read for a while (only the page Query).
    const again = new CallLog();
    await withCallLog(again, () => listRuns(bare, q({})));
    expect(again.total).toBe(1);
  });
});
