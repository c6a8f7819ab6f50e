import { describe, expect, it } from "vitest";
import { AdminCreateUserCommand, AdminDisableUserCommand, ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import { homeClients } from "@/lib/aws/clients";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { prepareProvision } from "@/lib/provisioning/apply";
import { planEnvironment } from "@/lib/provisioning/service";
import { readProvisioningRecord } from "@/lib/provisioning/record";
import { contextFor, environmentContext } from "@/lib/entities/context";
import { fixFinding, latestReconciliation, startReconciliation } from "@/lib/reconcile/service";
import { latestPass } from "@/lib/reconcile/store";
import { createEntity } from "@/lib/entities/store";
import { listMemberships } from "@/lib/entities/members";
import { resumeBulk, startBulk } from "@/lib/invites/bulk";
import { listRuns, putRowResults, readRun, readRunForResume, updateRun } from "@/lib/invites/bulk-store";
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { registryTableName } from "@/lib/registry/table";
import { saveInvite } from "@/lib/invites/ledger";
import { inviteUser, newInviteRecord } from "@/lib/invites/service";
import { listEntities } from "@/lib/entities/store";
import { readMailbox } from "@/lib/mailbox/read";
import Papa from "papaparse";
import { exportCsv } from "@/lib/entities/export";
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
    expect(run).toMatchObject({ status: "done", total: 3, processed: 3, invited: 3, failed: 0, left: 0 });
    expect(run.results.map((r) => [r.line, r.email, r.status])).toEqual([[2, "a@example.com", "invited"], [4, "b@example.com", "invited"], [8, "d@example.com", "invited"]]);
    expect(run.problems).toHaveLength(4);

    const { userPoolId } = await readProvisioningRecord("bulk-one");
    const users = await homeClients().cognito.send(new ListUsersCommand({ UserPoolId: userPoolId }));
    expect(users.Users?.map((u) => u.Attributes?.find((a) => a.Name === "email")?.Value).sort()).toEqual(["a@example.com", "b@example.com", "d@example.com"]);
    for (const email of ["a@example.com", "b@example.com", "d@example.com"]) expect(await readMailbox(email)).toHaveLength(1);
    expect((await listMemberships(ctx, team.id)).map((m) => [m.email, m.role])).toEqual([["a@example.com", "member"], ["b@example.com", "admin"]]);
  });

  it("exports users and teams as CSV (members with their roles; formulas neutralised)", async () => {
    const ctx = await environmentContext("bulk-one");
    await createEntity(ctx, { type: "user", name: "=HYPERLINK(1)", email: "formula@example.com" });
    const users = Papa.parse<Record<string, string>>(await exportCsv(ctx, "users"), { header: true }).data;
    expect(users.map((u) => u.email).sort()).toEqual(["a@example.com", "b@example.com", "d@example.com", "existing@example.com", "formula@example.com"]);
    expect(users.find((u) => u.email === "formula@example.com")?.name).toBe("'=HYPERLINK(1)");
    const teams = Papa.parse<Record<string, string>>(await exportCsv(ctx, "teams"), { header: true }).data;
    expect(teams.map((t) => [t.name, t.archived, t.members])).toEqual([["Core", "false", "a@example.com:member; b@example.com:admin"]]);
  });

  it("reconciliation finds users missing on either side and status mismatches, and fixes each", async () => {
    const ctx = await environmentContext("bulk-one");
    const { userPoolId } = await readProvisioningRecord("bulk-one");
    const cognito = homeClients().cognito;
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: "outofband@example.com", MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: "outofband@example.com" }] }));
    await createEntity(ctx, { type: "user", name: "No Login", email: "nologin@example.com" });
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: "d@example.com" }));

    // A pass is recorded before it runs; a second one is refused while it runs.
    const { pass, work } = await startReconciliation(ctx, "admin@example.com");
    expect(pass).toMatchObject({ status: "running", phase: "cognito" });
    await expect(startReconciliation(ctx, "admin@example.com")).rejects.toMatchObject({ status: 409 });
    await work();
    // Read back from the table, as a reopened page does.
    const before = await latestReconciliation(ctx);
    expect(before.pass).toMatchObject({ id: pass.id, status: "done", phase: "finished", findings: 5 });
    expect(before.findings.map((f) => [f.kind, f.email, f.fixed])).toEqual([
      ["status-mismatch", "d@example.com", null],
      ["entity-without-cognito", "existing@example.com", null],
      ["entity-without-cognito", "formula@example.com", null],
      ["entity-without-cognito", "nologin@example.com", null],
      ["cognito-without-entity", "outofband@example.com", null],
    ]);
    for (const f of before.findings) expect((await fixFinding(ctx, f.fix, f.email, "admin@example.com", pass.id)).fixed).toBe(true);
    // The fixes are recorded on the pass.
    const marked = await latestReconciliation(ctx);
    expect(marked.findings.every((f) => f.fixed?.by === "admin@example.com")).toBe(true);

    const next = await startReconciliation(ctx, "admin@example.com");
    await next.work();
    const after = await latestReconciliation(ctx);
    expect(after.pass?.id).toBe(next.pass.id);
    expect(after.findings).toEqual([]);
    expect(after.pass?.cognitoUsers).toBe(after.pass?.userEntities);
    expect(await readMailbox("nologin@example.com")).toHaveLength(1);
  });

  it("a fix whose other side does not exist answers 404 naming it, not a server error", async () => {
    const ctx = await environmentContext("bulk-one");
    await createEntity(ctx, { type: "user", name: "Entity Only", email: "entity.only@example.com" });
    // Aligning with a Cognito user that does not exist (a stale finding, or a hand-made request).
    await expect(fixFinding(ctx, "align-entity", "entity.only@example.com", "admin@example.com")).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/no Cognito user entity\.only@example\.com/) });
    await expect(fixFinding(ctx, "create-entity", "nobody.at.all@example.com", "admin@example.com")).rejects.toMatchObject({ status: 404 });
    await expect(fixFinding(ctx, "align-entity", "nobody.at.all@example.com", "admin@example.com")).rejects.toMatchObject({ status: 404 });
  });

  it("a run whose server stopped is shown interrupted and resumes the rows left, inviting nobody twice", async () => {
    const ctx = await environmentContext("bulk-one");
    const emails = ["r1", "r2", "r3", "r4"].map((n) => `${n}@resume.example`);
    const csv = ["email,name", ...emails.map((e, i) => `${e},R${i + 1}`)].join("\n");
    const { head } = await startBulk(ctx, csv, "admin@example.com", true, { concurrency: 2, sendRate: Number.POSITIVE_INFINITY });
    // The server stops before doing the work itself; what it did before dying is played here:
    const { pending } = await readRunForResume("bulk-one", head.id);
    const [row1, row2, row3] = pending.map((r) => ({ ...r, input: { email: r.email, ...(r.name ? { name: r.name } : {}), teams: [] } }));
    if (!row1 || !row2 || !row3) throw new Error("expected four pending rows");
    // row 1 invited and its result written, row 2 invited but its result never written,
    const first = await inviteUser(ctx, row1.input, "admin@example.com", head.id, undefined, row1.inviteId);
    await putRowResults("bulk-one", head.id, [{ line: row1.line, email: row1.email, status: "invited", inviteId: first.id }]);
    await inviteUser(ctx, row2.input, "admin@example.com", head.id, undefined, row2.inviteId);
    // row 3's invite recorded but none of its steps run, row 4 not begun.
    await saveInvite(newInviteRecord(ctx, row3.input, "admin@example.com", head.id, row3.inviteId));

    // While the heartbeat is fresh the run is running and cannot be resumed.
    expect((await readRun("bulk-one", head.id)).status).toBe("running");
    await expect(resumeBulk(ctx, head.id, "admin@example.com")).rejects.toMatchObject({ status: 409 });

    // A minute and more without a heartbeat: shown interrupted, with the three rows left; the read writes nothing.
    const key = { TableName: registryTableName(), Key: { pk: "BULK#bulk-one", sk: head.id } };
    const readItem = async () => (await homeClients().documents.send(new GetCommand({ ...key, ConsistentRead: true }))).Item;
    const stored = await readItem();
    const later = new Date(Date.now() + 2 * 60_000);
    expect(await readRun("bulk-one", head.id, later)).toMatchObject({ status: "interrupted", stale: true, finishedAt: null, heartbeatAt: stored?.heartbeatAt, total: 4, processed: 1, invited: 1, left: 3 });
    expect((await listRuns("bulk-one", 10, later))[0]).toMatchObject({ id: head.id, status: "interrupted", stale: true, total: 4 });
    expect(await readItem()).toEqual(stored);
    expect((await readRun("bulk-one", head.id)).status).toBe("running");
    // Its server goes quiet: the heartbeat it left is two minutes old (written here as it would be left).
    const firstOwner = String(stored?.owner);
    const age = () => {
      const t = new Date(Date.now() - 2 * 60_000).toISOString();
      return homeClients().documents.send(new UpdateCommand({ ...key, UpdateExpression: "SET heartbeatAt = :t, updatedAt = :t", ExpressionAttributeValues: { ":t": t } })).then(() => t);
    };
    const stale = await age();
    expect(await readRun("bulk-one", head.id)).toMatchObject({ status: "interrupted", stale: true, heartbeatAt: stale });
    // Had it only stalled, its next heartbeat shows it running again (nothing took it over); then it dies for good.
    expect(await updateRun("bulk-one", head.id, firstOwner, {})).toBe(true);
    expect(await readRun("bulk-one", head.id)).toMatchObject({ status: "running", stale: false });
    await age();
    // The list of recent runs (how a reopened page finds it) shows it too, newest first.
    expect((await listRuns("bulk-one"))[0]).toMatchObject({ id: head.id, status: "interrupted", stale: true, total: 4 });

    const { run, work } = await resumeBulk(ctx, head.id, "admin@example.com", { concurrency: 2, sendRate: Number.POSITIVE_INFINITY });
    expect(run.status).toBe("running");
    // A second resume of the same run is refused (it is running again).
    await expect(resumeBulk(ctx, head.id, "admin@example.com")).rejects.toMatchObject({ status: 409 });
    // The first server, taken over, may not write any more (had it only stalled, its next heartbeat stops it).
    expect(await updateRun("bulk-one", head.id, firstOwner, {})).toBe(false);
    await work();

    const done = await readRun("bulk-one", head.id);
    expect(done).toMatchObject({ status: "done", total: 4, processed: 4, invited: 4, failed: 0, left: 0 });
    expect(done.results.map((r) => [r.email, r.status])).toEqual(emails.map((e) => [e, "invited"]));
    // Each row's invite is the one chosen for it at the start.
    expect(done.results.map((r) => r.inviteId)).toEqual(pending.map((r) => r.inviteId));

    // Counted independently: one Cognito user, one entity and one email per address.
    const { userPoolId } = await readProvisioningRecord("bulk-one");
    for (const email of emails) {
      const users = await homeClients().cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: `email = "${email}"` }));
      expect(users.Users ?? []).toHaveLength(1);
      const found = await listEntities(ctx, { type: "user", q: email, by: "email", order: "asc", limit: 10 });
      expect(found.items.map((e) => e.email)).toEqual([email]);
      expect(await readMailbox(email)).toHaveLength(1);
    }
  });

  it("a reconciliation pass whose server stopped is shown interrupted, and another can start", async () => {
    const ctx = await environmentContext("bulk-one");
    const { pass } = await startReconciliation(ctx, "admin@example.com");
    // Its work never runs (the server stopped); a minute and more later it reads as interrupted.
    const later = new Date(Date.now() + 2 * 60_000);
    expect((await latestPass("bulk-one")).pass?.status).toBe("running");
    expect((await latestPass("bulk-one", later)).pass).toMatchObject({ id: pass.id, status: "interrupted", finishedAt: null });
    expect((await latestReconciliation(ctx, later)).pass?.status).toBe("interrupted");
    // Reading wrote nothing: the stored pass is still running, so it still reads so now.
    expect((await latestReconciliation(ctx)).pass).toMatchObject({ id: pass.id, status: "running" });
    await expect(startReconciliation(ctx, "admin@example.com")).rejects.toMatchObject({ status: 409 });
    // Starting the next pass once it is stale records the lost one's end.
    const again = await startReconciliation(ctx, "admin@example.com", later);
    const lost = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: { pk: "RECON#bulk-one", sk: pass.id }, ConsistentRead: true }));
    expect(lost.Item).toMatchObject({ status: "interrupted", finishedAt: expect.any(String) });
    await again.work();
    expect((await latestReconciliation(ctx, later)).pass).toMatchObject({ id: again.pass.id, status: "done" });
  });
});
