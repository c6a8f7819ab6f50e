import { describe, expect, it } from "vitest";
import { DescribeRuleCommand, ListRulesCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { CreateFunctionCommand, GetPolicyCommand } from "@aws-sdk/client-lambda";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import schdJobs from "@/blueprints/irma-schd-jobs.json";
import { homeClients } from "@/lib/aws/clients";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { createApiToken, listApiTokens, principalFromBearer, revokeApiToken } from "@/lib/auth/api-tokens";
import { hasRole } from "@/lib/auth/roles";
import { listAudit } from "@/lib/audit/list";
import { auditQuerySchema } from "@/lib/audit/schema";
import { saveJobType, saveNewJobType } from "@/lib/jobs/job-service";
import { ruleName } from "@/lib/jobs/schedules";
import { ensureSandboxAppFunction } from "@/lib/jobs/sandbox-function";
import { environmentUpdateSchema } from "@/lib/environments/schema";
import { jobTypeInputSchema } from "@/lib/jobs/schema";
import { jobStore } from "@/lib/jobs/store";
import { withEmulator } from "../support/emulator";
import { jobsEnvironment } from "../support/jobs-env";

withEmulator();

/** A Lambda function in the emulator (the app function a schedule targets); its role must exist. */
async function appFunction(name: string): Promise<string> {
  const { iam, lambda } = homeClients();
  const role = await iam.send(new CreateRoleCommand({ RoleName: `${name}-role`, AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }) }));
  const fn = await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: "python3.12", Handler: "app.app", Role: role.Role?.Arn ?? "", Code: { ZipFile: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]) } }));
  return fn.FunctionArn ?? "";
}

describe("API tokens (against the emulator)", () => {
  it("creates a token shown once, verifies it for its environment only, audits its use and refuses it once revoked", async () => {
    await jobsEnvironment("tokenenv");
    const { token, record } = await createApiToken({ environment: "tokenenv", name: "ci", role: "admin", expiresInDays: 30 }, "admin@x.io");
    const listed = await listApiTokens("tokenenv");
    expect(listed.map((t) => t.id)).toEqual([record.id]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain("hash");

    const principal = await principalFromBearer(token, "tokenenv");
    expect(principal).toMatchObject({ email: "admin@x.io", tokenId: record.id });
    expect(hasRole(principal, "admin", "tokenenv")).toBe(true);
    expect(hasRole(principal, "admin", "otherenv")).toBe(false);
    await expect(principalFromBearer(token, "otherenv")).rejects.toMatchObject({ status: 401 });
    await expect(principalFromBearer(`${token.slice(0, -2)}xx`, "tokenenv")).rejects.toMatchObject({ status: 401 });

    await revokeApiToken("tokenenv", record.id);
    await expect(principalFromBearer(token, "tokenenv")).rejects.toMatchObject({ status: 401 });
    const audit = await listAudit(auditQuerySchema.parse({ action: "token.use", limit: 100 }));
    expect(audit.items.map((a) => a.outcome).sort()).toEqual(["denied", "denied", "denied", "success"]);
    await expect(revokeApiToken("otherenv", record.id)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses an expired token", async () => {
    const { token } = await createApiToken({ environment: "tokenenv", name: "old", role: "admin", expiresInDays: 1 }, "admin@x.io", new Date(Date.now() - 2 * 86_400_000));
    await expect(principalFromBearer(token, "tokenenv")).rejects.toMatchObject({ status: 401 });
  });
});

describe("schedules (against the emulator)", () => {
  it("needs the app function, then keeps an EventBridge rule in step with the job type", async () => {
    await jobsEnvironment("schedenv");
    const values = jobTypeInputSchema.parse({ name: "Nightly", status: "available", handler: "/jobs/quick", type: "control", schedule: "cron(0 3 * * ? *)" });
    await expect(saveNewJobType(await jobStore("schedenv"), values, "a@x.io")).rejects.toMatchObject({ status: 400, fieldErrors: { schedule: [expect.stringMatching(/app function ARN/)] } });

    // A function that does not exist: the rule could never invoke it, so the save says so and leaves no rule.
    await jobsEnvironment("schedgone", { appFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:tanktower-gone" });
    const gone = await jobStore("schedgone");
    await expect(saveNewJobType(gone, values, "a@x.io")).rejects.toMatchObject({ status: 400, fieldErrors: { schedule: [expect.stringMatching(/tanktower-gone does not exist/)] } });
    const goneRules = await clientsForEnvironment(gone.env).events.send(new ListRulesCommand({ NamePrefix: "tt-schedgone-" }));
    expect(goneRules.Rules ?? []).toEqual([]);

    await jobsEnvironment("schedfn", { appFunctionArn: await appFunction("tanktower-app") });
    const store = await jobStore("schedfn");
    const job = await saveNewJobType(store, values, "a@x.io");
    const { lambda } = clientsForEnvironment(store.env);
    // The function's statements for this rule (none once the policy's last statement is gone).
    const statements = async () => {
      const out = await lambda.send(new GetPolicyCommand({ FunctionName: "tanktower-app" })).catch((err: unknown) => {
        if (err instanceof Error && err.name === "ResourceNotFoundException") return { Policy: '{"Statement": []}' };
        throw err;
      });
      return (JSON.parse(out.Policy ?? "{}") as { Statement: Array<Record<string, unknown>> }).Statement.filter((s) => s.Sid === ruleName("schedfn", job.id));
    };
    const [grant] = await statements();
    expect(grant).toMatchObject({ Principal: { Service: "events.amazonaws.com" }, Action: "lambda:InvokeFunction" });
    expect(JSON.stringify(grant?.Condition)).toContain(`rule/${ruleName("schedfn", job.id)}`);
    const eb = clientsForEnvironment(store.env).events;
    const rule = await eb.send(new DescribeRuleCommand({ Name: ruleName("schedfn", job.id) }));
    expect(rule).toMatchObject({ ScheduleExpression: "cron(0 3 * * ? *)", State: "ENABLED" });
    const targets = await eb.send(new ListTargetsByRuleCommand({ Rule: ruleName("schedfn", job.id) }));
    expect(targets.Targets?.[0]?.Arn).toBe("arn:aws:lambda:us-east-1:123456789012:function:tanktower-app");
    expect(JSON.parse(targets.Targets?.[0]?.Input ?? "{}")).toMatchObject({ trigger: "cron", job: { id: job.id } });

    const updated = await saveJobType(store, job.id, { ...values, schedule: "rate(5 minutes)", revision: job.revision }, "a@x.io", job);
    expect((await eb.send(new DescribeRuleCommand({ Name: ruleName("schedfn", job.id) }))).ScheduleExpression).toBe("rate(5 minutes)");
    expect(await statements()).toHaveLength(1); // saved again: still one statement
    await saveJobType(store, job.id, { ...values, schedule: undefined, revision: updated.revision }, "a@x.io", updated);
    await expect(eb.send(new DescribeRuleCommand({ Name: ruleName("schedfn", job.id) }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    expect(await statements()).toHaveLength(0);
    await expect(saveJobType(store, job.id, { ...values, revision: job.revision }, "a@x.io", job)).rejects.toMatchObject({ status: 409 });
  });
});

describe("job types follow the environment's schd_jobs blueprint (against the emulator)", () => {
  it("checks the blueprint's fields on the server and keeps attributes the console does not edit", async () => {
    await jobsEnvironment("jobbp");
    const store = await jobStore("jobbp");
    // This environment's blueprint makes the description required.
    const blueprint = { ...schdJobs, fields: schdJobs.fields.map((f) => (f.name === "description" ? { ...f, required: true } : f)) };
    await store.db.send(new PutCommand({ TableName: "jobbp_blueprints", Item: blueprint }));
    const values = jobTypeInputSchema.parse({ name: "Cleanup", status: "available", handler: "/jobs/quick", type: "control" });
    await expect(saveNewJobType(store, values, "a@x.io")).rejects.toMatchObject({ status: 400, fieldErrors: { description: [expect.any(String)] } });

    const job = await saveNewJobType(store, { ...values, description: "Removes old files" }, "a@x.io");
    // A field written outside the console (documents pages, the app) survives a save from the dashboard.
    const key = { portfolio_index: "sys", doc_index: `schd_jobs#${job.id}` };
    await store.db.send(new UpdateCommand({ TableName: store.table, Key: key, UpdateExpression: "SET owner_team = :t", ExpressionAttributeValues: { ":t": "ops" } }));
    await saveJobType(store, job.id, { ...values, description: "Removes older files", revision: job.revision }, "a@x.io", job);
    const item = (await store.db.send(new GetCommand({ TableName: store.table, Key: key }))).Item;
    expect(item).toMatchObject({ owner_team: "ops", description: "Removes older files", _revision: 2 });
  });
});

describe("the sandbox's app function (against the emulator)", () => {
  it("exists once the app role does, once, and a schedule can target it", async () => {
    await jobsEnvironment("sbfn");
    expect(await ensureSandboxAppFunction((await jobStore("sbfn")).env)).toBeUndefined(); // not provisioned: no role yet
    await homeClients().iam.send(new CreateRoleCommand({ RoleName: "sbfn_tt_role", AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }) }));
    const arn = await ensureSandboxAppFunction((await jobStore("sbfn")).env);
    expect(arn).toMatch(/^arn:aws:lambda:us-east-1:\d{12}:function:tanktower-sbfn$/);
    expect(await ensureSandboxAppFunction((await jobStore("sbfn")).env)).toBe(arn);
    expect(environmentUpdateSchema.shape.appFunctionArn.safeParse(arn).success).toBe(true);
  });
});
