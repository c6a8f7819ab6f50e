import "server-only";
import { randomUUID } from "node:crypto";
import { AdminGetUserCommand, DescribeUserPoolCommand, ListUsersCommand, type UserType } from "@aws-sdk/client-cognito-identity-provider";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { ConflictError, NotFoundError } from "@/lib/http/errors";
import type { EnvContext } from "@/lib/entities/context";
import { lookupPrefix, searchIndex, uniquenessRow } from "@/lib/entities/rows";
import { createEntity, findByUnique, requireEntityItem, writeEntityChange } from "@/lib/entities/store";
import { newInviteId, inviteView, saveInvite } from "@/lib/invites/ledger";
import { environmentPool } from "@/lib/invites/pool";
import { runInvite } from "@/lib/invites/run";
import { initialSteps, withOutcome } from "@/lib/invites/steps";
import { compareUsers, type CognitoUserState, type UserEntityState } from "@/lib/reconcile/compare";
import type { Pass, Reconciliation } from "@/lib/reconcile/schema";
import { lostPass } from "@/lib/reconcile/pass-state";
import { createPass, latestPass, markFixed, putFindings, recordInterrupted, updatePass, type PassProgress } from "@/lib/reconcile/store";
import { HEARTBEAT_MS } from "@/lib/invites/liveness";
import { log } from "@/lib/log/logger";

/**
 * One pass over the pool (ListUsers, 60 a page) and the user entities (lookup
 * rows), then the pure comparison. The pass runs after the request that
 * starts it, with its progress and findings kept in the console's table
 * (lib/reconcile/store.ts), so the page shows it again when reopened.
 */
type OnPage = (count: number) => Promise<void>;

async function cognitoUsers(ctx: EnvContext, userPoolId: string, onPage: OnPage): Promise<CognitoUserState[]> {
  const out: CognitoUserState[] = [];
  let PaginationToken: string | undefined;
  do {
    const page = await ctx.clients.cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, Limit: 60, PaginationToken }));
    for (const u of page.Users ?? []) out.push(stateOf(u));
    PaginationToken = page.PaginationToken;
    await onPage(out.length);
  } while (PaginationToken);
  return out.filter((u) => u.email);
}

function stateOf(u: UserType): CognitoUserState {
  const attr = (n: string) => u.Attributes?.find((a) => a.Name === n)?.Value;
  return { username: u.Username ?? "", email: (attr("email") ?? "").toLowerCase(), sub: attr("sub"), status: u.UserStatus, enabled: u.Enabled !== false };
}

async function userEntities(ctx: EnvContext, onPage: OnPage): Promise<UserEntityState[]> {
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
    await onPage(out.length);
  } while (ExclusiveStartKey);
  return out;
}

async function estimatedUsers(ctx: EnvContext, userPoolId: string): Promise<number | null> {
  try {
    const out = await ctx.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
    return out.UserPool?.EstimatedNumberOfUsers ?? null;
  } catch {
    return null;
  }
}

/** The latest pass and its findings, as the page shows them. */
export function latestReconciliation(ctx: EnvContext, now = new Date()): Promise<Reconciliation> {
  return latestPass(ctx.env.name, now);
}

/** Records a new pass and returns it with the work (the route does not wait for it). One pass at a time per environment. */
export async function startReconciliation(ctx: EnvContext, actor: string, at = new Date()): Promise<{ pass: Pass; work: () => Promise<void> }> {
  const { userPoolId } = await environmentPool(ctx);
  const current = await latestPass(ctx.env.name, at);
  if (current.pass?.status === "running") throw new ConflictError("A reconciliation pass is already running; its progress is on this page.");
  // The pass before lost its server: its end is recorded now, by this audited action (a read never writes it).
  if (lostPass(current.pass)) await recordInterrupted(ctx.env.name, current.pass);
  const now = at.toISOString();
  const pass: Pass = {
    id: newInviteId(),
    status: "running",
    phase: "cognito",
    cognitoUsers: 0,
    cognitoEstimate: await estimatedUsers(ctx, userPoolId),
    userEntities: 0,
    findings: 0,
    error: null,
    startedAt: now,
    startedBy: actor,
    updatedAt: now,
    finishedAt: null,
    heartbeatAt: now,
  };
  const owner = randomUUID();
  await createPass(ctx.env.name, pass, owner);
  return { pass, work: () => runPass(ctx, userPoolId, pass.id, owner) };
}

async function runPass(ctx: EnvContext, userPoolId: string, id: string, owner: string): Promise<void> {
  const env = ctx.env.name;
  let lastWrite = 0;
  // Progress at most once a second (and a heartbeat with it), so a big pool is not a write per page.
  const progress = async (fields: PassProgress, force = false) => {
    if (!force && Date.now() - lastWrite < 1_000) return;
    lastWrite = Date.now();
    await updatePass(env, id, owner, fields);
  };
  const beat = setInterval(() => void updatePass(env, id, owner, {}).catch(() => undefined), HEARTBEAT_MS);
  beat.unref();
  try {
    const users = await cognitoUsers(ctx, userPoolId, (n) => progress({ cognitoUsers: n }));
    await progress({ phase: "entities", cognitoUsers: users.length }, true);
    const entities = await userEntities(ctx, (n) => progress({ userEntities: n }));
    await progress({ phase: "compare", userEntities: entities.length }, true);
    const findings = compareUsers(users, entities);
    await putFindings(env, id, findings);
    await progress({ status: "done", phase: "finished", findings: findings.length, finishedAt: new Date().toISOString() }, true);
  } catch (err) {
    const safe = toUpstreamError(err, "reading users for reconciliation");
    log.warn("reconciliation pass failed", { env, passId: id, code: (err as { name?: string }).name });
    await progress({ status: "failed", error: safe.message, finishedAt: new Date().toISOString() }, true).catch(() => undefined);
    throw safe;
  } finally {
    clearInterval(beat);
  }
}

/** Applies one finding's fix after checking it still holds. */
export async function fixFinding(ctx: EnvContext, fix: FixKind, email: string, actor: string, passId?: string): Promise<{ fixed: boolean; message: string }> {
  const result = await applyFix(ctx, fix, email, actor);
  if (result.fixed && passId) {
    // The fix is done; a pass that cannot record it only shows the finding until the next pass.
    await markFixed(ctx.env.name, passId, { email, kind: KIND_OF[fix] }, actor, result.message).catch((err: unknown) =>
      log.warn("reconciliation fix not recorded on its pass", { env: ctx.env.name, passId, code: (err as { name?: string }).name }),
    );
  }
  return result;
}

type FixKind = "create-entity" | "invite" | "align-entity";
const KIND_OF = { "create-entity": "cognito-without-entity", invite: "entity-without-cognito", "align-entity": "status-mismatch" } as const;

async function applyFix(ctx: EnvContext, fix: FixKind, email: string, actor: string): Promise<{ fixed: boolean; message: string }> {
  const pool = await environmentPool(ctx);
  const owner = await findByUnique(ctx, "email", email);
  if (fix === "create-entity") {
    if (owner) throw new ConflictError("This email already has an entity.", { email: ["Already a user of this environment."] });
    const user = await cognitoUser(ctx, pool.userPoolId, email);
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
    const user = await cognitoUser(ctx, pool.userPoolId, email);
    // No Cognito user: nothing to align with (the entity-without-Cognito finding's fix is an invite).
    if (!user) throw new NotFoundError(`There is no Cognito user ${email} to align the entity with; invite the user instead.`);
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

/** The pool's user with this email; undefined when there is none (other AWS errors are upstream errors). */
async function cognitoUser(ctx: EnvContext, userPoolId: string, email: string) {
  try {
    return await ctx.clients.cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  } catch (err) {
    if (isAwsError(err, "UserNotFoundException")) return undefined;
    throw toUpstreamError(err, "reading the Cognito user");
  }
}

async function writeLink(ctx: EnvContext, sub: string, entityId: string): Promise<void> {
  await ctx.clients.documents.send(new PutCommand({ TableName: ctx.tables.entities, Item: uniquenessRow("cognito", sub, { index: "user", _id: entityId }) }));
}
