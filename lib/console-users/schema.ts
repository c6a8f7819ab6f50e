import { z } from "zod";
import { envNameSchema } from "@/lib/environments/schema";
import { emailSchema } from "@/lib/entities/schema";

/** Console users scoped to environments (groups env:<name>:admins|viewers of the console pool). Isomorphic. */
export const scopedRoleSchema = z.enum(["admin", "viewer"]);
export const grantSchema = z.object({ environment: envNameSchema, role: scopedRoleSchema });
export type Grant = z.infer<typeof grantSchema>;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const consoleUserInviteSchema = z.object({
  email: emailSchema,
  /** Shown beside the email (audit, runs' authors); Cognito's standard `name` attribute. */
  name: z.preprocess(blankToUndefined, z.string().trim().max(128, "At most 128 characters.").optional()),
  environment: envNameSchema,
  role: scopedRoleSchema,
});
export type ConsoleUserInvite = z.infer<typeof consoleUserInviteSchema>;

export const consoleUserSchema = z.object({
  username: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  enabled: z.boolean(),
  operator: z.boolean(),
  grants: z.array(grantSchema),
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

export const consoleUserListSchema = z.object({ items: z.array(consoleUserSchema) });
export const consoleUserInviteResultSchema = z.object({ user: consoleUserSchema, emailed: z.boolean(), created: z.boolean() });

export const consoleUserParamsSchema = z.object({ username: z.string().regex(/^[\w.@+-]{1,128}$/, "Not a console username.") });
export const consoleUserUpdateSchema = z.object({ grants: z.array(grantSchema).max(50) });
export const consoleUserListQuerySchema = z.object({ environment: envNameSchema.optional() });
