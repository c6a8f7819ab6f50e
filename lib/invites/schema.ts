import { z } from "zod";
import { emailSchema, memberRoleSchema } from "@/lib/entities/schema";

/** Invitations of TankTower users, as the API shows them. Isomorphic. */
export const inviteTeamSchema = z.object({ id: z.uuid("Choose a team."), role: memberRoleSchema.default("member") });

export const inviteCreateSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(200).optional(),
  language: z.string().trim().max(16).optional(),
  teams: z.array(inviteTeamSchema).max(20).default([]),
});
export type InviteCreate = z.infer<typeof inviteCreateSchema>;

const stepOutcomeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("done"), at: z.string() }),
  z.object({ status: z.literal("failed"), at: z.string(), code: z.string(), reason: z.string() }),
  z.object({ status: z.literal("todo") }),
]);

export const stepStateSchema = z.object({ entity: stepOutcomeSchema, cognito: stepOutcomeSchema, email: stepOutcomeSchema });

export const ledgerStatusSchema = z.enum(["sending", "failed", "pending", "accepted", "expired", "revoked"]);

export const inviteSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().optional(),
  language: z.string().optional(),
  teams: z.array(z.object({ id: z.string(), role: memberRoleSchema })),
  entityId: z.string(),
  status: ledgerStatusSchema,
  steps: stepStateSchema,
  failure: z.object({ step: z.enum(["entity", "cognito", "email"]), code: z.string(), reason: z.string() }).nullable(),
  expiresAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  bulkRunId: z.string().optional(),
});
export type Invite = z.infer<typeof inviteSchema>;

export const inviteListQuerySchema = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const invitePageSchema = z.object({ items: z.array(inviteSchema), cursor: z.string().nullable() });
export type InvitePage = z.infer<typeof invitePageSchema>;

export const inviteParamsSchema = z.object({ env: z.string().regex(/^[a-z][a-z0-9-]{2,23}$/), id: z.string().regex(/^[0-9a-z]{9}-[0-9a-f]{8}$/) });
