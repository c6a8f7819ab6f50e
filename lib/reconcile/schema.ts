import { z } from "zod";
import { emailSchema } from "@/lib/entities/schema";

export const findingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cognito-without-entity"), email: z.string(), username: z.string(), fix: z.literal("create-entity") }),
  z.object({ kind: z.literal("entity-without-cognito"), email: z.string(), entityId: z.string(), fix: z.literal("invite") }),
  z.object({ kind: z.literal("status-mismatch"), email: z.string(), entityId: z.string(), cognitoEnabled: z.boolean(), entityActive: z.boolean(), fix: z.literal("align-entity") }),
]);

export const reconciliationSchema = z.object({ cognitoUsers: z.number(), userEntities: z.number(), findings: z.array(findingSchema) });
export type Reconciliation = z.infer<typeof reconciliationSchema>;

export const fixSchema = z.object({ fix: z.enum(["create-entity", "invite", "align-entity"]), email: emailSchema });
export const fixResultSchema = z.object({ fixed: z.boolean(), message: z.string() });
