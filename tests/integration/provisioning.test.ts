import { describe, expect, it } from "vitest";
import { CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { CreatePolicyVersionCommand } from "@aws-sdk/client-iam";
import { CreateUserPoolClientCommand, CreateUserPoolCommand, DeleteUserPoolCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { homeClients } from "@/lib/aws/clients";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { LockedError } from "@/lib/http/errors";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { prepareProvision } from "@/lib/provisioning/apply";
import type { ProvisionEvent } from "@/lib/provisioning/model";
import { getChecklist, planEnvironment, revokeSessions, zappaSettings } from "@/lib/provisioning/service";
import { createInstaller } from "@/lib/provisioning/installer";
import { getEnvironment } from "@/lib/environments/read";
import { CallLog, withCallLog } from "@/lib/aws/call-log";
import { withEmulator } from "../support/emulator";

withEmulator();

const make = (name: string) =>
  createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` }), "tester");

async function apply(env: EnvironmentRecord) {
  const plan = await planEnvironment(env);
  const prepared = await prepareProvision(env, plan.fingerprint, "tester");
  const events: ProvisionEvent[] = [];
  const result = await prepared.run((e) => events.push(e));
  return { plan, result, events };
}

const statusOf = async (env: EnvironmentRecord) => Object.fromEntries((await getChecklist(env)).rows.map((r) => [r.id, r.status]));

describe("provisioning (against the emulator)", () => {
  it("takes a new environment from nothing to done, then re-runs with no mutating call", async () => {
    const env = await make("prov-one");
    const before = await statusOf(env);
    expect(before).toMatchObject({ "3": "missing", "4a": "missing", "4b": "missing", "4": "missing", "5": "missing", "7": "missing", "8": "missing" });

    const { plan, result, events } = await apply(env);
    expect(plan.changes.map((c) => c.id)).toEqual(expect.arrayContaining([
      "table.create:blueprints", "table.create:data", "table.create:entities", "table.create:rel", "table.expiry:data",
      "pool.create", "client.create", "bucket.name", "policy.create", "role.create", "email.create",
      "blueprint.put:irn:blueprint:sys:entities", "blueprint.put:irn:blueprint:irma:schd_jobs", "blueprint.put:irn:blueprint:irma:schd_runs",
    ]));
    expect(result).toMatchObject({ ok: true, failed: [] });
    // The data table's short-lived console rows (idempotency keys, bulk re-run progress) expire.
    const ttl = await clientsForEnvironment(env).dynamodb.send(new DescribeTimeToLiveCommand({ TableName: "prov-one_data" }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: "ENABLED", AttributeName: "_ttl" });
    expect(result.mutatingCalls).toBeGreaterThan(10);
    const finished = events.filter((e) => e.type === "change" && e.status === "done").length;
    expect(finished).toBe(plan.changes.length);
    expect(events[0]?.type).toBe("start");
    expect(events.at(-1)).toMatchObject({ type: "done", ok: true });

    const after = await statusOf(env);
    for (const id of ["3", "4a", "4b", "4", "5", "5b", "5c", "6", "7", "8"]) expect(after[id], `step ${id}`).toBe("done");
    // The emulator cannot simulate policies: the console's own evaluator answers, and finds every app action allowed.
    const checklist = await getChecklist(env);
    expect(checklist.leastPrivilegeBy).toBe("local");
    expect(checklist.leastPrivilege.filter((l) => !l.allowed)).toEqual([]);

    const again = await apply(env);
    expect(again.plan.changes).toEqual([]);
    expect(again.result).toMatchObject({ ok: true, mutatingCalls: 0 });

    const zappa = await zappaSettings(env);
    const stage = zappa["prov-one"];
    expect(stage?.role_name).toBe("prov-one_tt_role");
    expect(stage?.manage_roles).toBe(false);
    expect(stage?.s3_bucket).toMatch(/^prov-one[a-z]{8}$/);
  });

  it("shows policy drift with a diff and repairs it with a new version", async () => {
    const env = await make("prov-drift");
    await apply(env);
    const policyArn = "arn:aws:iam::123456789012:policy/prov-drift_tt_policy";
    await homeClients().iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: policyArn,
        SetAsDefault: true,
        PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }),
      }),
    );
    const drifted = (await getChecklist(env)).rows.find((r) => r.id === "4");
    expect(drifted?.status).toBe("drifted");
    expect(drifted?.diff).toEqual(expect.arrayContaining([expect.stringMatching(/^- Allow s3:\* on \*/), expect.stringMatching(/^\+ Allow dynamodb:query/)]));
    const { plan, result } = await apply(env);
    expect(plan.changes.map((c) => c.id)).toEqual(["policy.update"]);
    expect(result.ok).toBe(true);
    expect((await statusOf(env))["4"]).toBe("done");
  });

  it("flags a table created with a wrong index and leaves it alone", async () => {
    const env = await make("prov-wrong");
    await homeClients().dynamodb.send(
      new CreateTableCommand({
        TableName: "prov-wrong_data",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "portfolio_index", AttributeType: "S" },
          { AttributeName: "doc_index", AttributeType: "S" },
          { AttributeName: "path_index", AttributeType: "S" },
        ],
        KeySchema: [{ AttributeName: "portfolio_index", KeyType: "HASH" }, { AttributeName: "doc_index", KeyType: "RANGE" }],
        LocalSecondaryIndexes: [
          { IndexName: "path_index", KeySchema: [{ AttributeName: "portfolio_index", KeyType: "HASH" }, { AttributeName: "path_index", KeyType: "RANGE" }], Projection: { ProjectionType: "KEYS_ONLY" } },
        ],
      }),
    );
    const row = (await getChecklist(env)).rows.find((r) => r.id === "3");
    expect(row?.status).toBe("drifted");
    expect(row?.details.join(" ")).toMatch(/prov-wrong_data/);
    const plan = await planEnvironment(env);
    expect(plan.changes.map((c) => c.id)).not.toContain("table.create:data");
    expect(plan.warnings.join(" ")).toMatch(/prov-wrong_data/);
    const { result } = await apply(env);
    expect(result.ok).toBe(true);
    expect((await getChecklist(env)).rows.find((r) => r.id === "3")?.status).toBe("drifted");
  });

  it("refuses a second apply while one runs, and creates nothing twice", async () => {
    const env = await make("prov-race");
    const plan = await planEnvironment(env);
    const outcomes = await Promise.allSettled([prepareProvision(env, plan.fingerprint, "a"), prepareProvision(env, plan.fingerprint, "b")]);
    const winners = outcomes.filter((o) => o.status === "fulfilled");
    const losers = outcomes.filter((o) => o.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers[0]?.status === "rejected" && losers[0].reason).toBeInstanceOf(LockedError);
    const winner = winners[0];
    if (winner?.status !== "fulfilled") throw new Error("no winner");
    expect((await winner.value.run(() => {})).ok).toBe(true);
    const pools = await homeClients().cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(pools.UserPools?.filter((p) => p.Name === "prov-race")).toHaveLength(1);
  });

  it("creates tables with the environment's configured capacity (free-tier 1/1 by default)", async () => {
    const env = await createEnvironment(
      environmentCreateSchema.parse({ name: "prov-cap", region: "us-east-1", credentials: { type: "default" }, readCapacity: "3", writeCapacity: "2" }),
      "tester",
    );
    await apply(env);
    const table = await homeClients().dynamodb.send(new DescribeTableCommand({ TableName: "prov-cap_rel" }));
    expect(table.Table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 3, WriteCapacityUnits: 2 });
    const defaults = await homeClients().dynamodb.send(new DescribeTableCommand({ TableName: "prov-one_rel" }));
    expect(defaults.Table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 1, WriteCapacityUnits: 1 });
  });

  it("creates the installer itself (step 1), switches the environment to its key, and the inline policy follows (step 2)", async () => {
    const env = await make("prov-inst");
    expect((await statusOf(env))["1"]).toBe("manual");
    const key = await createInstaller(env, "tester");
    expect(key).toMatchObject({ userName: "prov-inst_installer", accessKeyId: expect.stringMatching(/^AKIA/) });
    const updated = await getEnvironment("prov-inst");
    expect(updated.credentials).toMatchObject({ type: "keys", accessKeyId: key.accessKeyId });
    expect(JSON.stringify(updated)).not.toContain(key.secretAccessKey);
    const before = await statusOf(updated);
    expect(before).toMatchObject({ "1": "done", "2": "missing" });
    const { plan } = await apply(updated);
    expect(plan.changes.map((c) => c.id)).toContain("installer.inline-policy");
    expect(await statusOf(updated)).toMatchObject({ "1": "done", "2": "done" });
  });

  it("reads from the recorded ids, and finds the pool and client by name once the recorded ones are gone", async () => {
    const env = await make("prov-moved");
    await apply(env);
    const first = await getChecklist(env);
    expect(first.rows.find((r) => r.id === "4a")?.status).toBe("done");
    const { readProvisioningRecord } = await import("@/lib/provisioning/record");
    const recorded = await readProvisioningRecord("prov-moved");
    expect(recorded).toMatchObject({ userPoolId: expect.any(String), appClientId: expect.any(String), policyArn: expect.stringContaining(":policy/prov-moved_tt_policy"), policyVersionId: "v1" });

    // Someone replaces the pool outside the console: the recorded ids now point at nothing.
    const cognito = homeClients().cognito;
    await cognito.send(new DeleteUserPoolCommand({ UserPoolId: recorded.userPoolId }));
    const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: "prov-moved", UsernameAttributes: ["email"] }));
    const poolId = pool.UserPool?.Id ?? "";
    const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "prov-moved_app", GenerateSecret: true }));
    const { readEnvironmentState } = await import("@/lib/provisioning/read-state");
    const state = await readEnvironmentState(env);
    expect(state.pool).toMatchObject({ ok: true, value: { id: poolId } });
    expect(state.client).toMatchObject({ ok: true, value: { id: client.UserPoolClient?.ClientId } });
  });

  it("shares one checklist read among requests that arrive while it is in flight", async () => {
    const env = await make("prov-shared");
    await apply(env);
    expect((await statusOf(env))["3"]).toBe("done");

    const one = new CallLog();
    await withCallLog(one, () => getChecklist(env));
    const many = new CallLog();
    const answers = await withCallLog(many, () => Promise.all(Array.from({ length: 8 }, () => getChecklist(env))));
    expect(one.total).toBeGreaterThan(5);
    expect(many.total).toBe(one.total);
    expect(new Set(answers.map((a) => a.readAt)).size).toBe(1);
  });

  it("answers 409 to a third installer key after one read, before any slow call", async () => {
    const env = await make("prov-keys");
    await createInstaller(env, "tester");
    await createInstaller(await getEnvironment("prov-keys"), "tester");
    const log = new CallLog();
    await expect(withCallLog(log, () => createInstaller(env, "tester"))).rejects.toMatchObject({ status: 409 });
    expect(log.total).toBe(1);
  });

  it("refuses a plan that no longer matches, and revokes sessions", async () => {
    const env = await make("prov-stale");
    await expect(prepareProvision(env, "not-the-plan", "x")).rejects.toMatchObject({ status: 409 });
    await apply(env);
    const { revokedAt } = await revokeSessions(env);
    const checklist = await getChecklist(env);
    expect(checklist.revokedAt).toBe(revokedAt);
    expect(checklist.rows.find((r) => r.id === "5c")?.summary).toContain(revokedAt);
  });
});
