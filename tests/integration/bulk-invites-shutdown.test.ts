import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  InitiateAuthCommand,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { initConsole } from "@/lib/auth/console-init";
import { scopedGroup } from "@/lib/auth/roles";
import { startSession } from "@/lib/auth/session";
import { SESSION_COOKIE, sealSession } from "@/lib/auth/session-cookie";
import { listAudit } from "@/lib/audit/list";
import { auditQuerySchema } from "@/lib/audit/schema";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { environmentContext } from "@/lib/entities/context";
import { listEntities } from "@/lib/entities/store";
import { resumeBulk, startBulk } from "@/lib/invites/bulk";
import { continueInBackground } from "@/lib/invites/bulk-background";
import { readRun, readRunForResume } from "@/lib/invites/bulk-store";
import { findInvite } from "@/lib/invites/ledger";
import { readMailbox } from "@/lib/mailbox/read";
import { prepareProvision } from "@/lib/provisioning/apply";
import { readProvisioningRecord } from "@/lib/provisioning/record";
import { planEnvironment } from "@/lib/provisioning/service";
import { drainBackgroundWork, resetDrainForTests } from "@/lib/server/shutdown";
import { registryTableName } from "@/lib/registry/table";
import * as bulkRuns from "@/app/api/environments/[env]/invites/bulk/route";
import * as bulkRun from "@/app/api/environments/[env]/invites/bulk/[runId]/route";
import * as bulkResume from "@/app/api/environments/[env]/invites/bulk/[runId]/resume/route";
import { withEmulator } from "../support/emulator";

withEmulator();

/**
 * Bulk runs and the server's lifecycle: a read of a run whose server went
 * quiet shows it interrupted and writes nothing; a server asked to stop
 * (the drain its SIGTERM handler runs) ends its runs between users,
 * recorded interrupted with their progress, and a resume finishes them with
 * nobody lost or invited twice.
 */
const ENV = "bulk-stop";
const PASSWORD = "Viewer-Password-1";
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, path: string, cookie: string, params: Record<string, string>, method = "GET") {
  const headers = new Headers({ host: "127.0.0.1:3999", cookie: `${SESSION_COOKIE}=${cookie}` });
  return handler(new NextRequest(`http://127.0.0.1:3999${path}`, { method, headers }), { params: Promise.resolve(params) });
}

async function signInViewer(userPoolId: string, clientId: string): Promise<string> {
  const { cognito } = homeClients();
  const email = "viewer@bulk-stop.test";
  const GroupName = scopedGroup(ENV, "viewer");
  await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName }));
  const created = await cognito.send(
    new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: email, MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: email }, { Name: "email_verified", Value: "true" }] }),
  );
  const username = created.User?.Username ?? email;
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
  const out = await cognito.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: email, PASSWORD } }));
  return sealSession(await startSession({ idToken: out.AuthenticationResult?.IdToken ?? "" }));
}

const runItem = async (id: string) =>
  (await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: { pk: `BULK#${ENV}`, sk: id }, ConsistentRead: true }))).Item;

async function cognitoUsers(email?: string): Promise<number> {
  const { userPoolId } = await readProvisioningRecord(ENV);
  const out = await homeClients().cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, ...(email ? { Filter: `email = "${email}"` } : {}) }));
  return out.Users?.length ?? 0;
}

let viewer: string;

beforeAll(async () => {
  const settings = await initConsole({ adminEmail: "op@bulk-stop.test", permanentPassword: "Operator-Pass-1" });
  const env = await createEnvironment(environmentCreateSchema.parse({ name: ENV, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${ENV}.example` }), "tester");
  const plan = await planEnvironment(env);
  expect((await (await prepareProvision(env, plan.fingerprint, "tester")).run(() => {})).ok).toBe(true);
  viewer = await signInViewer(settings.userPoolId, settings.clientId);
}, 180_000);

afterEach(() => resetDrainForTests());

describe("bulk runs and the server's lifecycle (against the emulator)", { timeout: 180_000 }, () => {
  it("a viewer's GET of a run whose server went quiet answers interrupted and leaves the run as it was", async () => {
    const ctx = await environmentContext(ENV);
    // Started, then its server died before inviting anyone: its heartbeat is two minutes old.
    const { head } = await startBulk(ctx, "email\nquiet1@example.com\nquiet2@example.com\n", "admin@example.com", true);
    const lastSeen = new Date(Date.now() - 2 * 60_000).toISOString();
    await homeClients().documents.send(
      new UpdateCommand({ TableName: registryTableName(), Key: { pk: `BULK#${ENV}`, sk: head.id }, UpdateExpression: "SET heartbeatAt = :t, updatedAt = :t", ExpressionAttributeValues: { ":t": lastSeen } }),
    );
    const before = await runItem(head.id);
    expect(before).toMatchObject({ status: "running" });

    const res = await call(bulkRun.GET as Handler, `/api/environments/${ENV}/invites/bulk/${head.id}`, viewer, { env: ENV, runId: head.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: head.id, status: "interrupted", stale: true, heartbeatAt: lastSeen, finishedAt: null, processed: 0, left: 2 });
    const list = await call(bulkRuns.GET as Handler, `/api/environments/${ENV}/invites/bulk`, viewer, { env: ENV });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items[0]).toMatchObject({ id: head.id, status: "interrupted", stale: true, heartbeatAt: lastSeen });
    // A viewer may not resume it either (the only way the state is written, besides its own server's).
    const resume = await call(bulkResume.POST as Handler, `/api/environments/${ENV}/invites/bulk/${head.id}/resume`, viewer, { env: ENV, runId: head.id }, "POST");
    expect(resume.status).toBe(403);
    expect(await runItem(head.id)).toEqual(before);
  });

  it("a stopping server ends its run between users, recorded interrupted with its progress; a resume finishes it, nobody lost or twice", async () => {
    const ctx = await environmentContext(ENV);
    const emails = Array.from({ length: 12 }, (_, i) => `stop${i + 1}@example.com`);
    const csv = ["email,name", ...emails.map((e, i) => `${e},Stop ${i + 1}`)].join("\n");
    // Paced at 4 users a second, so the stop comes with most rows still to go.
    const { head, work } = await startBulk(ctx, csv, "admin@example.com", true, { concurrency: 2, sendRate: 4 });
    const users0 = await cognitoUsers();
    continueInBackground(work, { actor: "admin@example.com", action: "invite.bulk-finished", environment: ENV, target: `bulk:${head.id}` });
    for (let i = 0; i < 300 && (await cognitoUsers()) - users0 < 2; i++) await new Promise((r) => setTimeout(r, 50));

    // SIGTERM: what the server's handler runs (lib/server/startup.ts).
    const drained = await drainBackgroundWork(30_000);
    expect(drained).toMatchObject({ runs: 1, finished: 1, abandoned: [] });
    // Once the drain returns, the run is recorded interrupted by its own server, with its progress.
    const stopped = await readRun(ENV, head.id);
    expect(stopped).toMatchObject({ status: "interrupted", stale: false, total: 12, failed: 0 });
    expect(stopped.finishedAt).not.toBeNull();
    expect(stopped.processed).toBeGreaterThanOrEqual(2);
    expect(stopped.processed).toBeLessThan(12);
    expect(stopped.left).toBe(12 - stopped.processed);
    expect(await runItem(head.id)).toMatchObject({ status: "interrupted", processed: stopped.processed, invited: stopped.processed });
    // Its end is on record: a failure "interrupted".
    const audit = await listAudit(auditQuerySchema.parse({ environment: ENV, action: "invite.bulk-finished", limit: 10 }));
    expect(audit.items.map((a) => [a.target, a.outcome, a.errorCode])).toEqual([[`bulk:${head.id}`, "failure", "interrupted"]]);

    // Nobody half invited: each row done has its user, entity and email; each row left was never begun.
    const { pending } = await readRunForResume(ENV, head.id);
    expect(pending).toHaveLength(stopped.left);
    for (const r of stopped.results) {
      expect(await cognitoUsers(r.email)).toBe(1);
      expect(await readMailbox(r.email)).toHaveLength(1);
    }
    for (const r of pending) {
      expect(await findInvite(ENV, r.inviteId)).toBeFalsy();
      expect(await cognitoUsers(r.email)).toBe(0);
    }

    // A stopping server takes no new run, nor a resume (another replica does).
    await expect(startBulk(ctx, "email\nlate@example.com\n", "admin@example.com", true)).rejects.toMatchObject({ status: 503 });
    await expect(resumeBulk(ctx, head.id, "admin@example.com")).rejects.toMatchObject({ status: 503 });

    // Another server (here: the same process, started again) resumes it.
    resetDrainForTests();
    const { run, work: rest } = await resumeBulk(ctx, head.id, "admin@example.com", { concurrency: 2, sendRate: Number.POSITIVE_INFINITY });
    expect(run).toMatchObject({ status: "running", stale: false, processed: stopped.processed });
    expect(await rest()).toBe("done");
    const done = await readRun(ENV, head.id);
    expect(done).toMatchObject({ status: "done", total: 12, processed: 12, invited: 12, failed: 0, left: 0 });
    expect(done.results.map((r) => r.email)).toEqual(emails);

    // Counted independently: one Cognito user, one entity and one email per address.
    expect((await cognitoUsers()) - users0).toBe(12);
    for (const email of emails) {
      expect(await cognitoUsers(email)).toBe(1);
      const found = await listEntities(ctx, { type: "user", q: email, by: "email", order: "asc", limit: 10 });
      expect(found.items.map((e) => e.email)).toEqual([email]);
      expect(await readMailbox(email)).toHaveLength(1);
    }
  });
});
