import { describe, expect, it } from "vitest";
import { AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateEmailIdentityCommand } from "@aws-sdk/client-sesv2";
import { homeClients } from "@/lib/aws/clients";
import { ConflictError } from "@/lib/http/errors";
import { environmentCreateSchema, environmentUpdateSchema } from "@/lib/environments/schema";
import { createEnvironment, updateEnvironment } from "@/lib/environments/write";
import { prepareProvision } from "@/lib/provisioning/apply";
import { planEnvironment } from "@/lib/provisioning/service";
import { readProvisioningRecord } from "@/lib/provisioning/record";
import { contextFor, environmentContext } from "@/lib/entities/context";
import { createEntity, listEntities, requireEntityItem, updateEntity } from "@/lib/entities/store";
import { listMemberships, removeMember, setMember } from "@/lib/entities/members";
import { entityCreateSchema } from "@/lib/entities/schema";
import { toEntity } from "@/lib/entities/view";
import { inviteUser, listInvites, resendInvite, retryInvite, revokeInvite } from "@/lib/invites/service";
import { entityBlueprint } from "@/lib/entities/blueprint";
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { withEmulator } from "../support/emulator";

withEmulator();

async function provisioned(name: string) {
  const env = await createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` }), "tester");
  const plan = await planEnvironment(env);
  const result = await (await prepareProvision(env, plan.fingerprint, "tester")).run(() => {});
  expect(result.ok).toBe(true);
  return contextFor(env);
}

async function sentTo(email: string): Promise<number> {
  const data = (await (await fetch(`${process.env.AWS_ENDPOINT_URL}/moto-api/data.json`)).json()) as { ses?: { Message?: unknown[] } };
  return JSON.stringify(data.ses ?? {}).split(email).length - 1;
}

describe("entities and invites (against the emulator)", { timeout: 180_000 }, () => {
  it("creates, searches, edits with optimistic concurrency and refuses duplicates naming the field", async () => {
    const ctx = await provisioned("ent-one");
    const ada = await createEntity(ctx, entityCreateSchema.parse({ type: "user", name: "Ada Lovelace", email: "Ada@Example.com", handle: "ada" }));
    expect(ada).toMatchObject({ email: "ada@example.com", handle: "ada", owner_id: ada.id, raw_id: ada.id, irn: `irn:entity:ent-one:user:${ada.id}`, version: 1 });
    await createEntity(ctx, { type: "user", name: "Alan Turing", email: "alan@example.com" });
    await createEntity(ctx, { type: "user", name: "Grace Hopper", email: "grace@example.com" });

    const dup = await createEntity(ctx, { type: "user", name: "Other", email: "ada@example.com" }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictError);
    expect((dup as ConflictError).fieldErrors).toHaveProperty("email");
    const dupHandle = await createEntity(ctx, entityCreateSchema.parse({ type: "team", name: "Team", handle: "ADA" })).catch((e: unknown) => e);
    expect((dupHandle as ConflictError).fieldErrors).toHaveProperty("handle");

    const page = await listEntities(ctx, { type: "user", q: "a", by: "name", order: "asc", limit: 1 });
    expect(page.items.map((i) => i.name)).toEqual(["Ada Lovelace"]);
    const next = await listEntities(ctx, { type: "user", q: "a", by: "name", order: "asc", limit: 1, cursor: page.cursor ?? undefined });
    expect(next.items.map((i) => i.name)).toEqual(["Alan Turing"]);
    const byEmail = await listEntities(ctx, { type: "user", q: "GRACE@", by: "email", order: "desc", limit: 10 });
    expect(byEmail.items.map((i) => i.email)).toEqual(["grace@example.com"]);

    const changed = await updateEntity(ctx, "user", ada.id, { version: 1, name: "Ada King", email: "ada@king.example" });
    expect(changed).toMatchObject({ name: "Ada King", version: 2 });
    const stale = await updateEntity(ctx, "user", ada.id, { version: 1, name: "Lost" }).catch((e: unknown) => e);
    expect((stale as ConflictError).fieldErrors).toHaveProperty("version");
    // The old email is free again, the old name no longer found.
    await createEntity(ctx, { type: "user", name: "New Ada", email: "ada@example.com" });
    expect((await listEntities(ctx, { type: "user", q: "ada l", by: "name", order: "asc", limit: 10 })).items).toEqual([]);
    expect(toEntity(await requireEntityItem(ctx, "user", ada.id)).email).toBe("ada@king.example");
  });

  it("keeps memberships in both directions", async () => {
    const ctx = await environmentContext("ent-one");
    const team = await createEntity(ctx, { type: "team", name: "Core" }, "operator");
    const user = await createEntity(ctx, { type: "user", name: "Member", email: "member@example.com" });
    await setMember(ctx, { type: "team", id: team.id }, user.id, "member");
    await setMember(ctx, { type: "team", id: team.id }, user.id, "admin");
    expect(await listMemberships(ctx, team.id)).toEqual([{ id: user.id, type: "user", name: "Member", email: "member@example.com", role: "admin", direction: "member" }]);
    expect(await listMemberships(ctx, user.id)).toEqual([{ id: team.id, type: "team", name: "Core", role: "admin", direction: "group" }]);
    await removeMember(ctx, team.id, user.id);
    expect(await listMemberships(ctx, team.id)).toEqual([]);
    expect(await listMemberships(ctx, user.id)).toEqual([]);
  });

  it("tells a group's members from the groups it belongs to (an org with a member, in a portfolio)", async () => {
    const ctx = await environmentContext("ent-one");
    const org = await createEntity(ctx, { type: "org", name: "Acme" }, "operator");
    const portfolio = await createEntity(ctx, { type: "portfolio", name: "Acme books" }, "operator");
    const user = await createEntity(ctx, { type: "user", name: "Orgie", email: "orgie@example.com" });
    await setMember(ctx, { type: "org", id: org.id }, user.id, "owner");
    await setMember(ctx, { type: "portfolio", id: portfolio.id }, org.id, "member");
    expect(await listMemberships(ctx, org.id)).toEqual([
      { id: portfolio.id, type: "portfolio", name: "Acme books", role: "member", direction: "group" },
      { id: user.id, type: "user", name: "Orgie", email: "orgie@example.com", role: "owner", direction: "member" },
    ]);
    expect(await listMemberships(ctx, portfolio.id)).toEqual([{ id: org.id, type: "org", name: "Acme", role: "member", direction: "member" }]);
  });

  it("invites a user: entity, Cognito user (verified email, no Cognito message) and an email from the sender", async () => {
    const ctx = await environmentContext("ent-one");
    const team = await createEntity(ctx, { type: "team", name: "Invitees" }, "operator");
    const invite = await inviteUser(ctx, { email: "new.user@example.com", name: "New User", teams: [{ id: team.id, role: "member" }] }, "admin@example.com");
    expect(invite).toMatchObject({ status: "pending", failure: null, steps: { entity: { status: "done" }, cognito: { status: "done" }, email: { status: "done" } } });
    const { userPoolId } = await readProvisioningRecord("ent-one");
    const user = await homeClients().cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: "new.user@example.com" }));
    expect(user.UserStatus).toBe("FORCE_CHANGE_PASSWORD");
    expect(user.UserAttributes?.find((a) => a.Name === "email_verified")?.Value).toBe("true");
    expect(await sentTo("new.user@example.com")).toBeGreaterThan(0);
    expect((await listMemberships(ctx, team.id)).map((m) => m.email)).toEqual(["new.user@example.com"]);

    const dup = await inviteUser(ctx, { email: "NEW.user@example.com", teams: [] }, "admin@example.com").catch((e: unknown) => e);
    expect((dup as ConflictError).fieldErrors).toHaveProperty("email");

    const resent = await resendInvite(ctx, invite.id, "admin@example.com");
    expect(resent.status).toBe("pending");
    const ledger = await listInvites(ctx, 10);
    expect(ledger.items.map((i) => i.email)).toEqual(["new.user@example.com"]);

    const revoked = await revokeInvite(ctx, invite.id, "admin@example.com");
    expect(revoked.status).toBe("revoked");
    await expect(homeClients().cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: "new.user@example.com" }))).rejects.toThrow();
    expect(await listMemberships(ctx, team.id)).toEqual([]);
  });

  it("records a failed email from an unverified sender and resumes from it once verified", async () => {
    const ctx0 = await environmentContext("ent-one");
    await updateEnvironment("ent-one", environmentUpdateSchema.parse({ region: ctx0.env.region, credentials: { type: "default" }, sesSender: "someone@unverified.example", version: ctx0.env.version }), "tester");
    const ctx = await environmentContext("ent-one");
    const invite = await inviteUser(ctx, { email: "late@example.com", teams: [] }, "admin@example.com");
    expect(invite.status).toBe("failed");
    expect(invite.failure).toMatchObject({ step: "email" });
    expect(invite.steps.cognito.status).toBe("done");
    await ctx.clients.ses.send(new CreateEmailIdentityCommand({ EmailIdentity: "someone@unverified.example" }));
    const retried = await retryInvite(ctx, invite.id, "admin@example.com");
    expect(retried).toMatchObject({ status: "pending", failure: null });
    expect(await sentTo("late@example.com")).toBeGreaterThan(0);
  });

  it("entity pages use the environment's entities blueprint (latest final version), the bundled one only when it has none", async () => {
    const ctx = await environmentContext("ent-one");
    const table = ctx.tables.blueprints;
    // Provisioning wrote the setup document's version.
    expect((await entityBlueprint(ctx.env))?.source).toEqual({ kind: "environment", version: "0.0.1" });
    const seeded = await homeClients().documents.send(new GetCommand({ TableName: table, Key: { irn: "irn:blueprint:sys:entities", version: "0.0.1" } }));
    const base = seeded.Item ?? {};
    // A newer final version is the one shown; a newer draft is not in force yet.
    await homeClients().documents.send(new PutCommand({ TableName: table, Item: { ...base, version: "0.1.0", status: "final", label: "People and teams" } }));
    await homeClients().documents.send(new PutCommand({ TableName: table, Item: { ...base, version: "0.2.0", status: "draft", label: "Draft label" } }));
    const chosen = await entityBlueprint(ctx.env);
    expect(chosen?.source).toEqual({ kind: "environment", version: "0.1.0" });
    expect(chosen?.blueprint).toMatchObject({ label: "People and teams" });
    // Without any version in the environment: the bundled one, saying why.
    for (const version of ["0.0.1", "0.1.0", "0.2.0"]) await homeClients().documents.send(new DeleteCommand({ TableName: table, Key: { irn: "irn:blueprint:sys:entities", version } }));
    expect((await entityBlueprint(ctx.env))?.source).toEqual({ kind: "bundled", reason: "none" });
  });
});
