import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { authConfigSchema, principalViewSchema, sessionCreateSchema } from "@/lib/auth/schema";

export const authConfigOp = defineOperation({
  id: "getAuthConfig",
  method: "GET",
  path: "/api/auth/config",
  summary: "Public settings of the console's user pool (for browser sign-in)",
  tag: "Session",
  role: "public",
  response: authConfigSchema,
});

export const createSessionOp = defineOperation({
  id: "createSession",
  method: "POST",
  path: "/api/session",
  summary: "Exchange Cognito tokens for a session cookie",
  tag: "Session",
  role: "public",
  body: sessionCreateSchema,
  response: principalViewSchema,
  status: 201,
});

export const getSessionOp = defineOperation({
  id: "getSession",
  method: "GET",
  path: "/api/session",
  summary: "Who is signed in",
  tag: "Session",
  role: "authenticated",
  response: principalViewSchema,
});

export const deleteSessionOp = defineOperation({
  id: "deleteSession",
  method: "DELETE",
  path: "/api/session",
  summary: "Sign out",
  tag: "Session",
  role: "public",
  status: 204,
});

export const healthOp = defineOperation({
  id: "getHealth",
  method: "GET",
  path: "/api/health",
  summary: "Liveness, with the reachability of the AWS endpoint",
  tag: "System",
  role: "public",
  response: z.object({
    status: z.enum(["ok", "degraded"]),
    mode: z.enum(["sandbox", "aws"]),
    aws: z.object({ reachable: z.boolean(), latencyMs: z.number(), error: z.string().nullable() }),
    time: z.string(),
  }),
});
