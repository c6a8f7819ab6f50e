import "server-only";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { environmentContext, type EnvContext } from "@/lib/entities/context";
import { setMember } from "@/lib/entities/members";
import { entityCreateSchema, type MemberRole } from "@/lib/entities/schema";
import { createEntity, findByUnique } from "@/lib/entities/store";
import { SANDBOX_ENVIRONMENT } from "@/lib/environments/sandbox";
import { inviteUser } from "@/lib/invites/service";
import { SEED_PARTITION } from "@/lib/jobs/keys";

/**
 * The sandbox environment only: a few example TankTower users (among them the
 * authors of the generated run history, lib/jobs/history.ts, so the runs
 * dashboard shows their names), two teams, an org and a portfolio, with
 * memberships in every role, so every entities page has something to show on
 * first start. Users are invited through the real invite service (entity,
 * uniqueness rows, Cognito user, invitation email in the Mailbox), so
 * reconciliation finds nothing to fix.
 *
 * Once: a marker item records that the population was seeded, and later runs
 * do nothing, so an example the operator removed stays removed and nobody is
 * emailed twice. Until the marker is written (a first run that stopped half
 * way), users are matched by email and groups by handle, so a second run
 * completes the first without duplicates.
 */
export const SANDBOX_PEOPLE = [
  { email: "ana@example.com", name: "Ana Alves", language: "en" },
  { email: "ben@example.com", name: "Ben Brooks", language: "en" },
  { email: "chen@example.com", name: "Chen Chao", language: "en" },
  { email: "dana@example.com", name: "Dana Diaz", language: "fr" },
] as const;

type PersonEmail = (typeof SANDBOX_PEOPLE)[number]["email"];
type Group = { type: "team" | "org" | "portfolio"; name: string; handle: string; about: string; members: [PersonEmail, MemberRole][] };

/** The examples' members are people; a group may also belong to a group (an org in a portfolio), listed apart on its page. */
export const SANDBOX_GROUPS: readonly Group[] = [
  {
    type: "team", name: "Data team", handle: "data-team", about: "Runs the imports and the reports.",
    members: [["ana@example.com", "owner"], ["ben@example.com", "admin"], ["chen@example.com", "member"]],
  },
  {
    type: "team", name: "Field team", handle: "field-team", about: "Visits the places and writes them up.",
    members: [["dana@example.com", "owner"], ["ana@example.com", "member"]],
  },
  {
    type: "org", name: "Example Co", handle: "example-co", about: "The company behind the example data.",
    members: [["ana@example.com", "owner"], ["dana@example.com", "admin"], ["ben@example.com", "member"], ["chen@example.com", "member"]],
  },
  {
    type: "portfolio", name: "Places guide", handle: "places-guide", about: "The places and visits of the example documents.",
    members: [["ben@example.com", "owner"], ["ana@example.com", "admin"], ["dana@example.com", "member"]],
  },
];

export type SandboxPeopleResult = { users: number; groups: number; memberships: number; failedInvites: string[] };

const MARKER = { portfolio_index: SEED_PARTITION, doc_index: "people-v1" };

async function seeded(ctx: EnvContext): Promise<boolean> {
  try {
    const out = await ctx.clients.documents.send(new GetCommand({ TableName: ctx.tables.data, Key: MARKER, ConsistentRead: true }));
    return out.Item !== undefined;
  } catch (err) {
    throw toUpstreamError(err, "reading the example people's marker");
  }
}

export async function seedSandboxPeople(actor: string): Promise<SandboxPeopleResult> {
  const ctx = await environmentContext(SANDBOX_ENVIRONMENT);
  const result: SandboxPeopleResult = { users: 0, groups: 0, memberships: 0, failedInvites: [] };
  if (await seeded(ctx)) return result;

  const userIds = new Map<string, string>();
  for (const person of SANDBOX_PEOPLE) {
    const existing = await findByUnique(ctx, "email", person.email);
    if (existing) {
      userIds.set(person.email, existing.id);
      continue;
    }
    const invite = await inviteUser(ctx, { email: person.email, name: person.name, language: person.language, teams: [] }, actor);
    // A step that failed stays on the invite (the Invites page retries it); its entity exists unless the first step failed.
    if (invite.failure) result.failedInvites.push(person.email);
    if (invite.steps.entity.status === "done") userIds.set(person.email, invite.entityId);
    result.users++;
  }

  for (const group of SANDBOX_GROUPS) {
    const existing = await findByUnique(ctx, "handle", group.handle);
    // A handle someone else took before the first seeding: that group is left out rather than failing `npm run dev`.
    if (existing && existing.type !== group.type) continue;
    let id = existing?.id;
    if (!id) {
      const input = entityCreateSchema.parse({ type: group.type, name: group.name, handle: group.handle, about: group.about });
      id = (await createEntity(ctx, input, actor)).id;
      result.groups++;
    }
    for (const [email, role] of group.members) {
      const memberId = userIds.get(email);
      if (!memberId) continue;
      await setMember(ctx, { type: group.type, id }, memberId, role);
      result.memberships++;
    }
  }

  // Written only when everything worked, so a run that stopped half way is completed by the next one.
  if (result.failedInvites.length === 0 && userIds.size === SANDBOX_PEOPLE.length) {
    try {
      await ctx.clients.documents.send(new PutCommand({ TableName: ctx.tables.data, Item: { ...MARKER, at: new Date().toISOString() } }));
    } catch (err) {
      throw toUpstreamError(err, "recording the example people's marker");
    }
  }
  return result;
}
