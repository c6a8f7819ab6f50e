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
  // Tokens that do not verify, or an account that is disabled or gone.
  errorStatuses: [401],
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
  summary: "Sign out: ends this session on every replica at once (its server-side record is deleted)",
  tag: "Session",
  role: "public",
  status: 204,
});

export const deleteAllSessionsOp = defineOperation({
  id: "deleteAllSessions",
  method: "DELETE",
  path: "/api/sessions",
  summary: "Sign out everywhere: end every session of the signed-in user, this one included",
  tag: "Session",
  role: "authenticated",
  response: z.object({ ended: z.number().int().min(0) }),
  audit: "session.end-all",
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
