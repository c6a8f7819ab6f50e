import "server-only";
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type AttributeType,
} from "@aws-sdk/client-cognito-identity-provider";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { SendEmailCommand } from "@aws-sdk/client-sesv2";
import { awsErrorCode } from "@/lib/aws/errors";
import { AppError, ConflictError } from "@/lib/http/errors";
import type { EnvContext } from "@/lib/entities/context";
import { createWrites, uniquenessRow } from "@/lib/entities/rows";
import { setMembershipWrites } from "@/lib/entities/relations";
import { findByUnique, newEntityItem, readEntityItem } from "@/lib/entities/store";
import { transact } from "@/lib/entities/transact";
import { renderInvitation } from "@/lib/invites/email";
import { saveInvite, type InviteRecord } from "@/lib/invites/ledger";
import { temporaryPassword } from "@/lib/invites/password";
import type { PoolInfo } from "@/lib/invites/pool";
import { nextStep, reasonFor, withOutcome, type InviteStep } from "@/lib/invites/steps";

/**
 * Runs an invite's steps from the first one not done, recording each outcome
 * on the invite (in the ledger) as it goes. A failure is recorded and ends the
 * run; a retry calls this again and resumes there. The temporary password
 * lives only in memory between the Cognito step and the email; an email sent
 * later (retry, resend) sets a fresh one.
 */
export type RunOptions = { pool: PoolInfo; signInUrl?: string; invitedBy?: string };

class StepFailure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function codeOf(err: unknown): string {
  if (err instanceof StepFailure) return err.code;
  if (err instanceof ConflictError) return "ConditionalCheckFailed";
  if (err instanceof AppError) return err.code;
  return awsErrorCode(err) ?? "UnknownError";
}

export async function runInvite(ctx: EnvContext, start: InviteRecord, opts: RunOptions): Promise<InviteRecord> {
  let invite = start;
  let password: string | undefined;
  for (let step = nextStep(invite.steps); step; step = nextStep(invite.steps)) {
    const at = new Date().toISOString();
    try {
      const changes = await runStep(ctx, invite, step, opts, password);
      password = changes.password ?? password;
      invite = await saveInvite({ ...invite, ...changes.record, steps: withOutcome(invite.steps, step, { status: "done", at }) });
    } catch (err) {
      const code = codeOf(err);
      // A conflict on a new invite's own entity is the caller's duplicate, not a step to retry.
      if (step === "entity" && err instanceof ConflictError && invite.version === 1) throw err;
      invite = await saveInvite({ ...invite, steps: withOutcome(invite.steps, step, { status: "failed", at, code, reason: reasonFor(step, code) }) });
      return invite;
    }
  }
  return invite;
}

type StepResult = { record?: Partial<InviteRecord>; password?: string };

async function runStep(ctx: EnvContext, invite: InviteRecord, step: InviteStep, opts: RunOptions, password: string | undefined): Promise<StepResult> {
  if (step === "entity") return entityStep(ctx, invite);
  if (step === "cognito") return cognitoStep(ctx, invite, opts.pool);
  return emailStep(ctx, invite, opts, password);
}

async function entityStep(ctx: EnvContext, invite: InviteRecord): Promise<StepResult> {
  const existing = await readEntityItem(ctx, "user", invite.entityId);
  if (existing) return {};
  const item = newEntityItem(ctx, { type: "user", name: invite.name || invite.email, email: invite.email, ...(invite.language ? { language: invite.language } : {}) }, undefined, new Date().toISOString(), invite.entityId);
  const added = new Date().toISOString();
  const memberships = invite.teams.flatMap((t) => setMembershipWrites({ id: item._id, type: "user" }, { id: t.id, type: "team" }, t.role, added));
  await transact(ctx, [...createWrites(item), ...memberships], "saving the invited user");
  return {};
}

function attribute(attrs: AttributeType[] | undefined, name: string): string | undefined {
  return attrs?.find((a) => a.Name === name)?.Value;
}

async function cognitoStep(ctx: EnvContext, invite: InviteRecord, pool: PoolInfo): Promise<StepResult> {
  const password = temporaryPassword(pool.policy);
  let sub: string | undefined;
  let created = false;
  try {
    const out = await ctx.clients.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: invite.email,
        TemporaryPassword: password,
        MessageAction: "SUPPRESS",
        UserAttributes: [
          { Name: "email", Value: invite.email },
          { Name: "email_verified", Value: "true" },
          ...(invite.name ? [{ Name: "name", Value: invite.name }] : []),
        ],
      }),
    );
    sub = attribute(out.User?.Attributes, "sub");
    created = true;
  } catch (err) {
    // A user from an earlier attempt (or created out of band) is adopted: the email step sets a new password.
    if (awsErrorCode(err) !== "UsernameExistsException") throw err;
    const out = await ctx.clients.cognito.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: invite.email }));
    sub = attribute(out.UserAttributes, "sub");
  }
  if (!sub) throw new StepFailure("NoSub");
  const owner = await findByUnique(ctx, "cognito", sub);
  if (owner && owner.id !== invite.entityId) throw new StepFailure("ConditionalCheckFailed");
  if (!owner) {
    await ctx.clients.documents.send(new PutCommand({ TableName: ctx.tables.entities, Item: uniquenessRow("cognito", sub, { index: "user", _id: invite.entityId }) }));
  }
  return { record: { cognitoSub: sub }, ...(created ? { password } : {}) };
}

async function emailStep(ctx: EnvContext, invite: InviteRecord, opts: RunOptions, known: string | undefined): Promise<StepResult> {
  const sender = ctx.env.sesSender;
  if (!sender) throw new StepFailure("NoSender");
  let password = known;
  if (!password) {
    password = temporaryPassword(opts.pool.policy);
    await ctx.clients.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: opts.pool.userPoolId, Username: invite.email, Password: password, Permanent: false }));
  }
  const now = new Date();
  const expiresAt = new Date(now.getTime() + opts.pool.validityDays * 86_400_000).toISOString();
  const message = renderInvitation({
    product: `TankTower ${ctx.env.name}`,
    ...(invite.name ? { recipientName: invite.name } : {}),
    email: invite.email,
    ...(opts.signInUrl ? { signInUrl: opts.signInUrl } : {}),
    temporaryPassword: password,
    expiresAt,
    ...(opts.invitedBy ? { invitedBy: opts.invitedBy } : {}),
  });
  await ctx.clients.ses.send(
    new SendEmailCommand({
      FromEmailAddress: sender,
      Destination: { ToAddresses: [invite.email] },
      Content: { Simple: { Subject: { Data: message.subject }, Body: { Text: { Data: message.text }, Html: { Data: message.html } } } },
    }),
  );
  return { record: { sentAt: now.toISOString(), expiresAt } };
}
