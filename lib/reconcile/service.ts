import "server-only";
import { AdminGetUserCommand, ListUsersCommand, type UserType } from "@aws-sdk/client-cognito-identity-provider";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { ConflictError, NotFoundError } from "@/lib/http/errors";
import type { EnvContext } from "@/lib/entities/context";
import { lookupPrefix, searchIndex, uniquenessRow } from "@/lib/entities/rows";
import { createEntity, findByUnique, requireEntityItem, writeEntityChange } from "@/lib/entities/store";
import { newInviteId, inviteView, saveInvite } from "@/lib/invites/ledger";
import { environmentPool } from "@/lib/invites/pool";
import { runInvite } from "@/lib/invites/run";
import { initialSteps, withOutcome } from "@/lib/invites/steps";
import { compareUsers, type CognitoUserState, type UserEntityState } from "@/lib/reconcile/compare";
import type { Reconciliation } from "@/lib/reconcile/schema";

/** One pass over the pool (ListUsers, 60 a page) and the user entities (lookup rows), then the pure comparison. */
async function cognitoUsers(ctx: EnvContext, userPoolId: string): Promise<CognitoUserState[]> {
  const out: CognitoUserState[] = [];
  let PaginationToken: string | undefined;
  do {
    const page = await ctx.clients.cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, Limit: 60, PaginationToken }));
    for (const u of page.Users ?? []) out.push(stateOf(u));
    PaginationToken = page.PaginationToken;
  } while (PaginationToken);
  return out.filter((u) => u.email);
}

function stateOf(u: UserType): CognitoUserState {
  const attr = (n: string) => u.Attributes?.find((a) => a.Name === n)?.Value;
  return { username: u.Username ?? "", email: (attr("email") ?? "").toLowerCase(), sub: attr("sub"), status: u.UserStatus, enabled: u.Enabled !== false };
}

async function userEntities(ctx: EnvContext): Promise<UserEntityState[]> {
  const out: UserEntityState[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.clients.documents.send(
      new QueryCommand({
        TableName: ctx.tables.entities,
        KeyConditionExpression: "#i = :i AND begins_with(#id, :p)",
        ExpressionAttributeNames: { "#i": "index", "#id": "_id" },
        ExpressionAttributeValues: { ":i": searchIndex("user"), ":p": lookupPrefix("email", "") },
        ExclusiveStartKey,
      }),
    );
    for (const row of page.Items ?? []) {
      if (typeof row.entity_id === "string" && typeof row.email === "string") out.push({ id: row.entity_id, email: row.email, name: String(row.name ?? ""), active: row.is_active !== "false" });
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

export async function reconcile(ctx: EnvContext): Promise<Reconciliation> {
  const { userPoolId } = await environmentPool(ctx);
  try {
    const [users, entities] = await Promise.all([cognitoUsers(ctx, userPoolId), userEntities(ctx)]);
    return { cognitoUsers: users.length, userEntities: entities.length, findings: compareUsers(users, entities) };
  } catch (err) {
    throw toUpstreamError(err, "reading users for reconciliation");
  }
}

/** Applies one finding's fix after checking it still holds. */
export async function fixFinding(ctx: EnvContext, fix: "create-entity" | "invite" | "align-entity", email: string, actor: string): Promise<{ fixed: boolean; message: string }> {
  const pool = await environmentPool(ctx);
  const owner = await findByUnique(ctx, "email", email);
  if (fix === "create-entity") {
    if (owner) throw new ConflictError("This email already has an entity.", { email: ["Already a user of this environment."] });
    const user = await ctx.clients.cognito.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: email })).catch(() => undefined);
    if (!user) throw new NotFoundError(`There is no Cognito user ${email}.`);
    const state = stateOf({ ...user, Attributes: user.UserAttributes });
    const name = user.UserAttributes?.find((a) => a.Name === "name")?.Value ?? email;
    const entity = await createEntity(ctx, { type: "user", name, email });
    // The Cognito link and the user's state follow Cognito's.
    if (state.sub) await writeLink(ctx, state.sub, entity.id);
    if (!state.enabled) await writeEntityChange(ctx, await requireEntityItem(ctx, "user", entity.id), { is_active: "false" });
    return { fixed: true, message: `Created the entity of ${email}.` };
  }
  if (!owner) throw new NotFoundError(`There is no entity with the email ${email}.`);
  if (fix === "align-entity") {
    const user = await ctx.clients.cognito.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: email }));
    const active = user.Enabled !== false;
    await writeEntityChange(ctx, await requireEntityItem(ctx, "user", owner.id), { is_active: active ? "true" : "false" });
    return { fixed: true, message: `${email} is now ${active ? "active" : "inactive"}, as in Cognito.` };
  }
  const item = await requireEntityItem(ctx, "user", owner.id);
  const now = new Date().toISOString();
  const record = await saveInvite({
    id: newInviteId(),
    env: ctx.env.name,
    email,
    name: item.name,
    teams: [],
    entityId: owner.id,
    steps: withOutcome(initialSteps(), "entity", { status: "done", at: now }),
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    version: 0,
  });
  const invite = inviteView(await runInvite(ctx, record, { pool, ...(ctx.env.appApiUrl ? { signInUrl: ctx.env.appApiUrl } : {}), invitedBy: actor }));
  return invite.failure ? { fixed: false, message: `The invite stopped at the ${invite.failure.step} step: ${invite.failure.reason}` } : { fixed: true, message: `Invited ${email}.` };
}

async function writeLink(ctx: EnvContext, sub: string, entityId: string): Promise<void> {
  await ctx.clients.documents.send(new PutCommand({ TableName: ctx.tables.entities, Item: uniquenessRow("cognito", sub, { index: "user", _id: entityId }) }));
}
