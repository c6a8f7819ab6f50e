import { describe, expect, it } from "vitest";
import { AdminCreateUserCommand, AdminDisableUserCommand, ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import { homeClients } from "@/lib/aws/clients";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { prepareProvision } from "@/lib/provisioning/apply";
import { planEnvironment } from "@/lib/provisioning/service";
import { readProvisioningRecord } from "@/lib/provisioning/record";
import { contextFor, environmentContext } from "@/lib/entities/context";
import { fixFinding, reconcile } from "@/lib/reconcile/service";
import { createEntity } from "@/lib/entities/store";
import { listMemberships } from "@/lib/entities/members";
import { startBulk } from "@/lib/invites/bulk";
import { readRun } from "@/lib/invites/bulk-store";
import { readMailbox } from "@/lib/mailbox/read";
import { withEmulator } from "../support/emulator";

withEmulator();

describe("bulk invites (against the emulator)", { timeout: 180_000 }, () => {
  it("reports each bad row, invites the rest, and keeps progress in the table", async () => {
    const env = await createEnvironment(environmentCreateSchema.parse({ name: "bulk-one", region: "us-east-1", credentials: { type: "default" }, sesSender: "no-reply@bulk-one.example" }), "tester");
    const plan = await planEnvironment(env);
    expect((await (await prepareProvision(env, plan.fingerprint, "tester")).run(() => {})).ok).toBe(true);
    const ctx = contextFor(env);
    const team = await createEntity(ctx, { type: "team", name: "Core" }, "op");
    await createEntity(ctx, { type: "user", name: "Existing", email: "existing@example.com" });

    const csv = [
      "email,name,team,role",
      "a@example.com,A,core,member",
      "not-an-email,B,,",
      "b@example.com,B,Core,admin",
      "A@example.com,dup,,",
      "existing@example.com,E,,",
      "c@example.com,C,ghosts,",
      "d@example.com,,,",
    ].join("\n");
    const { preview, head, work } = await startBulk(ctx, csv, "admin@example.com", true, { concurrency: 3, sendRate: Number.POSITIVE_INFINITY });
    expect(preview.problems.map((p) => [p.line, p.field])).toEqual([[3, "email"], [5, "email"], [6, "email"], [7, "team"]]);
    expect(preview.quota).toMatchObject({ max24h: expect.any(Number), maxSendRate: expect.any(Number) });
    expect(head).toMatchObject({ status: "running", total: 3 });
    await work();

    const run = await readRun("bulk-one", head.id);
    expect(run).toMatchObject({ status: "done", total: 3, processed: 3, invited: 3, failed: 0 });
    expect(run.results.map((r) => [r.line, r.email, r.status])).toEqual([[2, "a@example.com", "invited"], [4, "b@example.com", "invited"], [8, "d@example.com", "invited"]]);
    expect(run.problems).toHaveLength(4);

    const { userPoolId } = await readProvisioningRecord("bulk-one");
    const users = await homeClients().cognito.send(new ListUsersCommand({ UserPoolId: userPoolId }));
    expect(users.Users?.map((u) => u.Attributes?.find((a) => a.Name === "email")?.Value).sort()).toEqual(["a@example.com", "b@example.com", "d@example.com"]);
    for (const email of ["a@example.com", "b@example.com", "d@example.com"]) expect(await readMailbox(email)).toHaveLength(1);
    expect((await listMemberships(ctx, team.id)).map((m) => [m.email, m.role])).toEqual([["a@example.com", "member"], ["b@example.com", "admin"]]);
  });

  it("reconciliation finds users missing on either side and status mismatches, and fixes each", async () => {
    const ctx = await environmentContext("bulk-one");
    const { userPoolId } = await readProvisioningRecord("bulk-one");
    const cognito = homeClients().cognito;
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: "outofband@example.com", MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: "outofband@example.com" }] }));
    await createEntity(ctx, { type: "user", name: "No Login", email: "nologin@example.com" });
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: "d@example.com" }));

    const before = await reconcile(ctx);
    expect(before.findings.map((f) => [f.kind, f.email])).toEqual([
      ["status-mismatch", "d@example.com"],
      ["entity-without-cognito", "existing@example.com"],
      ["entity-without-cognito", "nologin@example.com"],
      ["cognito-without-entity", "outofband@example.com"],
    ]);
    for (const f of before.findings) expect((await fixFinding(ctx, f.fix, f.email, "admin@example.com")).fixed).toBe(true);
    const after = await reconcile(ctx);
    expect(after.findings).toEqual([]);
    expect(after.cognitoUsers).toBe(after.userEntities);
    expect(await readMailbox("nologin@example.com")).toHaveLength(1);
  });
});
