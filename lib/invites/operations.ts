import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { envParamsSchema } from "@/lib/environments/schema";
import { entitySchema } from "@/lib/entities/schema";
import { bulkInviteSchema, bulkRunListSchema, bulkRunParamsSchema, bulkRunSchema, bulkStartResultSchema } from "@/lib/invites/bulk-schema";
import { inviteCreateSchema, inviteListQuerySchema, invitePageSchema, inviteParamsSchema, inviteSchema } from "@/lib/invites/schema";

/** Invitations of TankTower users: admins invite, viewers read the ledger. */
export const listInvitesOp = defineOperation({
  id: "listInvites",
  method: "GET",
  path: "/api/environments/{env}/invites",
  summary: "The invite ledger, newest first (pending, accepted, expired, failed, revoked)",
  tag: "Invites",
  role: "viewer",
  params: envParamsSchema,
  query: inviteListQuerySchema,
  response: invitePageSchema,
});

export const createInviteOp = defineOperation({
  id: "createInvite",
  method: "POST",
  path: "/api/environments/{env}/invites",
  summary: "Invite a user: entity, Cognito user, email (a failed step stays visible with a retry)",
  tag: "Invites",
  role: "admin",
  params: envParamsSchema,
  body: inviteCreateSchema,
  response: inviteSchema,
  status: 201,
  audit: "invite.create",
});

const inviteAction = (id: string, action: "retry" | "resend" | "revoke", summary: string) =>
  defineOperation({
    id,
    method: "POST",
    path: `/api/environments/{env}/invites/{id}/${action}`,
    summary,
    tag: "Invites",
    role: "admin",
    params: inviteParamsSchema,
    response: inviteSchema,
    audit: `invite.${action}`,
  });

export const retryInviteOp = inviteAction("retryInvite", "retry", "Resume a failed invite from the step that failed");
export const resendInviteOp = inviteAction("resendInvite", "resend", "A new temporary password and a new email");
export const revokeInviteOp = inviteAction("revokeInvite", "revoke", "Withdraw an invite: the Cognito user and the entity are removed");

const userParamsSchema = z.object({ env: envParamsSchema.shape.env, id: z.uuid() });

export const setUserActiveOp = defineOperation({
  id: "setUserActive",
  method: "POST",
  path: "/api/environments/{env}/users/{id}/active",
  summary: "Deactivate (Cognito disable + global sign-out) or reactivate a user",
  tag: "Invites",
  role: "admin",
  params: userParamsSchema,
  body: z.object({ active: z.boolean() }),
  response: entitySchema,
  audit: "user.set-active",
});

export const bulkInviteOp = defineOperation({
  id: "bulkInvite",
  method: "POST",
  path: "/api/environments/{env}/invites/bulk",
  summary: "Bulk invite from CSV (email, name, team, role): a preview with per-row problems (dryRun), or a run that continues without the browser",
  tag: "Invites",
  role: "admin",
  params: envParamsSchema,
  body: bulkInviteSchema,
  response: bulkStartResultSchema,
  status: 202,
  audit: "invite.bulk",
  // Up to 1 MB of CSV, JSON-escaped.
  maxBodyBytes: 2 * 1024 * 1024,
});

export const getBulkRunOp = defineOperation({
  id: "getBulkRun",
  method: "GET",
  path: "/api/environments/{env}/invites/bulk/{runId}",
  summary: "A bulk run's progress and per-row results",
  tag: "Invites",
  role: "viewer",
  params: bulkRunParamsSchema,
  response: bulkRunSchema,
});

export const resumeBulkRunOp = defineOperation({
  id: "resumeBulkRun",
  method: "POST",
  path: "/api/environments/{env}/invites/bulk/{runId}/resume",
  summary: "Resume an interrupted bulk run (its server stopped): the rows left are invited, an invite the run began is continued, none twice",
  tag: "Invites",
  role: "admin",
  params: bulkRunParamsSchema,
  response: bulkRunSchema,
  status: 202,
  audit: "invite.bulk-resume",
});

export const listBulkRunsOp = defineOperation({
  id: "listBulkRuns",
  method: "GET",
  path: "/api/environments/{env}/invites/bulk",
  summary: "The latest bulk runs, newest first (so a run started in a closed tab is found again)",
  tag: "Invites",
  role: "viewer",
  params: envParamsSchema,
  response: bulkRunListSchema,
});
