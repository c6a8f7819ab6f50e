import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { envParamsSchema } from "@/lib/environments/schema";

/** Personal API tokens for scripts (POST /runs with Authorization: Bearer). Isomorphic. */
export const apiTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.string(),
  role: z.enum(["admin", "viewer"]),
  owner: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenCreateSchema = z.object({
  name: z.string({ error: "Name is required." }).trim().min(1, "Name is required.").max(60, "Keep the name under 60 characters."),
  role: z.enum(["admin", "viewer"], { error: "Choose admin (may trigger runs) or viewer." }),
  expiresInDays: z.coerce.number({ error: "Choose an expiry." }).int().min(1, "At least 1 day.").max(365, "At most 365 days."),
});
export type TokenCreateInput = z.input<typeof tokenCreateSchema>;

const tokenParamsSchema = envParamsSchema.extend({ id: z.string().regex(/^[0-9a-f]{16}$/, "A token id is 16 hex digits.") });

export const listTokensOp = defineOperation({
  id: "listApiTokens",
  method: "GET",
  path: "/api/environments/{env}/tokens",
  summary: "API tokens of an environment (never the token itself)",
  tag: "Jobs",
  role: "admin",
  params: envParamsSchema,
  response: z.object({ items: z.array(apiTokenViewSchema) }),
});

export const createTokenOp = defineOperation({
  id: "createApiToken",
  method: "POST",
  path: "/api/environments/{env}/tokens",
  summary: "Create a personal API token; the token is in this response only, and only its hash is stored",
  tag: "Jobs",
  role: "admin",
  params: envParamsSchema,
  body: tokenCreateSchema,
  response: z.object({ token: z.string(), record: apiTokenViewSchema }),
  status: 201,
  audit: "token.create",
});

export const revokeTokenOp = defineOperation({
  id: "revokeApiToken",
  method: "DELETE",
  path: "/api/environments/{env}/tokens/{id}",
  summary: "Revoke an API token (it is refused from then on)",
  tag: "Jobs",
  role: "admin",
  params: tokenParamsSchema,
  status: 204,
  audit: "token.revoke",
});
