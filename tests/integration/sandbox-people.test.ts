import { describe, expect, it } from "vitest";
import { AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { environmentContext } from "@/lib/entities/context";
import { listMemberships } from "@/lib/entities/members";
import { SANDBOX_GROUPS, SANDBOX_PEOPLE, seedSandboxPeople } from "@/lib/entities/sandbox-people";
import { findByUnique, listEntities, requireEntityItem } from "@/lib/entities/store";
import { ensureSandboxEnvironment } from "@/lib/environments/sandbox";
import { listInvites } from "@/lib/invites/service";
import { forgetAuthorNames } from "@/lib/jobs/author-names";
import { listRuns } from "@/lib/jobs/runs-read";
import { seedSandboxJobs } from "@/lib/jobs/sandbox-seed";
import { runQuerySchema } from "@/lib/jobs/schema";
import { jobStore } from "@/lib/jobs/store";
import { readMailbox } from "@/lib/mailbox/read";
import { provisionSandbox } from "@/lib/provisioning/sandbox";
import { readProvisioningRecord } from "@/lib/provisioning/record";
import { latestReconciliation, startReconciliation } from "@/lib/reconcile/service";
import { withEmulator } from "../support/emulator";

withEmulator();

const NAMES: Record<string, string> = Object.fromEntries(SANDBOX_PEOPLE.map((p) => [p.email, p.name]));

describe("the sandbox's example people (against the emulator)", { timeout: 300_000 }, () => {
  it("invites the run authors and one more, with teams, an org and a portfolio; once; and names the history's authors", async () => {
    await ensureSandboxEnvironment("system:test");
    await provisionSandbox("system:test");
    const ctx = await environmentContext("sandbox");
    const { userPoolId } = await readProvisioningRecord("sandbox");

    const first = await seedSandboxPeople("system:test");
    expect(first).toEqual({ users: 4, groups: 4, memberships: 12, failedInvites: [] });

    // Each person: an entity found by its email's uniqueness row, a Cognito user of the environment's pool, one invitation.
    for (const person of SANDBOX_PEOPLE) {
      const ref = await findByUnique(ctx, "email", person.email);
      expect(ref?.type).toBe("user");
      const entity = await requireEntityItem(ctx, "user", ref?.id ?? "");
      expect(entity).toMatchObject({ name: person.name, email: person.email, language: person.language, is_active: "true" });
      const cognito = await homeClients().cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: person.email }));
      expect(cognito.UserStatus).toBe("FORCE_CHANGE_PASSWORD");
      expect(cognito.UserAttributes?.find((a) => a.Name === "email")?.Value).toBe(person.email);
      const mails = await readMailbox(person.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe("You are invited to TankTower sandbox");
    }
    const users = await listEntities(ctx, { type: "user", by: "name", order: "asc", limit: 100 });
    expect(users.items.map((u) => u.name)).toEqual(["Ana Alves", "Ben Brooks", "Chen Chao", "Dana Diaz"]);

    // The team, with members in every role, seen from both sides.
    const team = await findByUnique(ctx, "handle", "data-team");
    expect(team?.type).toBe("team");
    const members = await listMemberships(ctx, team?.id ?? "");
    expect(members.map((m) => [m.name, m.role])).toEqual([["Ana Alves", "owner"], ["Ben Brooks", "admin"], ["Chen Chao", "member"]]);
    const ana = await findByUnique(ctx, "email", "ana@example.com");
    const anaGroups = await listMemberships(ctx, ana?.id ?? "");
    expect(anaGroups.map((m) => [m.type, m.name, m.role])).toEqual([
      ["team", "Data team", "owner"],
      ["org", "Example Co", "owner"],
      ["team", "Field team", "member"],
      ["portfolio", "Places guide", "admin"],
    ]);
    for (const group of SANDBOX_GROUPS) {
      const ref = await findByUnique(ctx, "handle", group.handle);
      expect(ref?.type).toBe(group.type);
      expect(await listMemberships(ctx, ref?.id ?? "")).toHaveLength(group.members.length);
    }

    // Reconciliation finds nothing to fix: every Cognito user has its entity and the other way round.
    const pass = await startReconciliation(ctx, "system:test");
    await pass.work();
    const reconciled = await latestReconciliation(ctx);
    expect(reconciled.pass).toMatchObject({ status: "done", cognitoUsers: 4, userEntities: 4 });
    expect(reconciled.findings).toEqual([]);

    // Again (every `npm run dev`): nothing new, no email.
    expect(await seedSandboxPeople("system:test")).toEqual({ users: 0, groups: 0, memberships: 0, failedInvites: [] });
    for (const person of SANDBOX_PEOPLE) expect(await readMailbox(person.email)).toHaveLength(1);
    expect((await listEntities(ctx, { type: "user", by: "name", order: "asc", limit: 100 })).items).toHaveLength(4);
    expect((await listEntities(ctx, { type: "team", by: "name", order: "asc", limit: 100 })).items.map((t) => t.name)).toEqual(["Data team", "Field team"]);
    expect((await listInvites(ctx, 100)).items).toHaveLength(4);
    // A first run that stopped before its marker: the next one matches users by email and groups by handle.
    await ctx.clients.documents.send(new DeleteCommand({ TableName: ctx.tables.data, Key: { portfolio_index: "sys#seed", doc_index: "people-v1" } }));
    expect(await seedSandboxPeople("system:test")).toEqual({ users: 0, groups: 0, memberships: 12, failedInvites: [] });
    expect(await seedSandboxPeople("system:test")).toEqual({ users: 0, groups: 0, memberships: 0, failedInvites: [] });
    for (const person of SANDBOX_PEOPLE) expect(await readMailbox(person.email)).toHaveLength(1);
    expect(await listMemberships(ctx, team?.id ?? "")).toHaveLength(3);

    // The runs dashboard names the generated history's authors (lib/jobs/history.ts) by these users.
    const store = await jobStore("sandbox");
    await seedSandboxJobs(store, { runs: 60, days: 5 });
    forgetAuthorNames();
    const page = await listRuns(store, runQuerySchema.parse({ limit: 100 }));
    const byPeople = page.items.filter((r) => r.author !== "scheduler");
    expect(byPeople.length).toBeGreaterThan(0);
    expect(new Set(byPeople.map((r) => r.author))).toEqual(new Set(["ana@example.com", "ben@example.com", "chen@example.com"]));
    for (const run of byPeople) expect(run.authorName).toBe(NAMES[run.author]);
  });
});
