import "server-only";
import { AdminDeleteUserCommand, AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { ConflictError } from "@/lib/http/errors";
import type { EnvContext } from "@/lib/entities/context";
import { removeMembershipWrites } from "@/lib/entities/relations";
import { removeWrites } from "@/lib/entities/rows";
import { findByUnique, readEntityItem } from "@/lib/entities/store";
import { transact } from "@/lib/entities/transact";
import { deleteInvite, inviteView, listInviteRecords, newInviteId, readInvite, saveInvite, type InviteRecord } from "@/lib/invites/ledger";
import { environmentPool } from "@/lib/invites/pool";
import { runInvite, type RunOptions } from "@/lib/invites/run";
import type { Invite, InviteCreate, InvitePage } from "@/lib/invites/schema";
import { forResend, initialSteps, ledgerStatus } from "@/lib/invites/steps";
import { randomUUID } from "node:crypto";

/** Inviting TankTower users: one invite, retry, resend, revoke, and the ledger. */
const conflictOnEmail = () =>
  new ConflictError("This email address already belongs to a user of this environment.", { email: ["Already a user of this environment."] });

export function newInviteRecord(ctx: EnvContext, input: InviteCreate, actor: string, bulkRunId?: string, id: string = newInviteId()): InviteRecord {
  const now = new Date().toISOString();
  return {
    id,
    env: ctx.env.name,
    email: input.email,
    ...(input.name ? { name: input.name } : {}),
    ...(input.language ? { language: input.language } : {}),
    teams: input.teams,
    entityId: randomUUID(),
    steps: initialSteps(),
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    ...(bulkRunId ? { bulkRunId } : {}),
    version: 0,
  };
}

async function runOptions(ctx: EnvContext, actor: string): Promise<RunOptions> {
  const pool = await environmentPool(ctx);
  return { pool, ...(ctx.env.appApiUrl ? { signInUrl: ctx.env.appApiUrl } : {}), invitedBy: actor };
}

/** One invite, start to end. A duplicate email answers 409 with nothing written; a later failure stays visible on the invite. */
export async function inviteUser(ctx: EnvContext, input: InviteCreate, actor: string, bulkRunId?: string, opts?: RunOptions, inviteId?: string): Promise<Invite> {
  if (await findByUnique(ctx, "email", input.email)) throw conflictOnEmail();
  const options = opts ?? (await runOptions(ctx, actor));
  const created = await saveInvite(newInviteRecord(ctx, input, actor, bulkRunId, inviteId));
  try {
    return inviteView(await runInvite(ctx, created, options));
  } catch (err) {
    // The entity step refused a duplicate (a race with another invite): nothing of this invite exists.
    await deleteInvite(ctx.env.name, created.id);
    if (err instanceof ConflictError && err.fieldErrors?.email) throw conflictOnEmail();
    throw err;
  }
}

export async function retryInvite(ctx: EnvContext, id: string, actor: string): Promise<Invite> {
  const invite = await readInvite(ctx.env.name, id);
  const status = ledgerStatus(invite, new Date());
  if (status !== "failed" && status !== "sending") throw new ConflictError(`This invite is ${status}; only a failed invite is retried.`);
  return inviteView(await runInvite(ctx, invite, await runOptions(ctx, actor)));
}

/** A new temporary password and a new email, for an invite not yet accepted. */
export async function resendInvite(ctx: EnvContext, id: string, actor: string): Promise<Invite> {
  const invite = await readInvite(ctx.env.name, id);
  const live = await liveCognitoStatus(ctx, invite);
  const status = ledgerStatus(invite, new Date(), live);
  if (status === "accepted" || status === "revoked") throw new ConflictError(`This invite is ${status}; there is nothing to resend.`);
  const base = status === "failed" ? invite : { ...invite, steps: forResend(invite.steps) };
  return inviteView(await runInvite(ctx, base, await runOptions(ctx, actor)));
}

/** Withdraws an invite not yet accepted: the Cognito user and the entity (with its rows and memberships) are removed. */
export async function revokeInvite(ctx: EnvContext, id: string, actor: string): Promise<Invite> {
  const invite = await readInvite(ctx.env.name, id);
  const live = await liveCognitoStatus(ctx, invite);
  const status = ledgerStatus(invite, new Date(), live);
  if (status === "accepted") throw new ConflictError("This user has accepted the invite; deactivate the user instead.");
  if (status === "revoked") return inviteView(invite);
  const pool = await environmentPool(ctx);
  try {
    await ctx.clients.cognito.send(new AdminDeleteUserCommand({ UserPoolId: pool.userPoolId, Username: invite.email }));
  } catch (err) {
    if (!isAwsError(err, "UserNotFoundException")) throw toUpstreamError(err, "removing the Cognito user");
  }
  const item = await readEntityItem(ctx, "user", invite.entityId);
  if (item) {
    const memberships = invite.teams.flatMap((t) => removeMembershipWrites(item._id, t.id));
    await transact(ctx, [...removeWrites(item, invite.cognitoSub), ...memberships], "removing the invited user");
  }
  const now = new Date().toISOString();
  return inviteView(await saveInvite({ ...invite, revokedAt: now, revokedBy: actor }));
}

/** The user's Cognito status while the invite is open (CONFIRMED = accepted); undefined when unknown. */
async function liveCognitoStatus(ctx: EnvContext, invite: InviteRecord): Promise<string | undefined> {
  if (invite.acceptedAt || invite.revokedAt || invite.steps.cognito.status !== "done") return undefined;
  try {
    const pool = await environmentPool(ctx);
    const out = await ctx.clients.cognito.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: invite.email }));
    return out.UserStatus;
  } catch {
    return undefined;
  }
}

/** The ledger, newest first; open invites are checked against Cognito and marked accepted once confirmed. */
export async function listInvites(ctx: EnvContext, limit: number, cursor?: string): Promise<InvitePage> {
  const page = await listInviteRecords(ctx.env.name, limit, cursor);
  const now = new Date();
  const items = await mapBounded(page.items, 5, async (record) => {
    const open = ledgerStatus(record, now);
    if (open !== "pending" && open !== "expired") return inviteView(record, now);
    const live = await liveCognitoStatus(ctx, record);
    if (live !== "CONFIRMED") return inviteView(record, now);
    const accepted = await saveInvite({ ...record, acceptedAt: now.toISOString() }).catch(() => ({ ...record, acceptedAt: now.toISOString() }));
    return inviteView(accepted, now);
  });
  return { items, cursor: page.cursor };
}

export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
