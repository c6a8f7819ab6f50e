import { defineOperation } from "@/lib/http/operation";
import {
  consoleUserInviteResultSchema,
  consoleUserInviteSchema,
  consoleUserListQuerySchema,
  consoleUserListSchema,
  consoleUserParamsSchema,
  consoleUserSchema,
  consoleUserUpdateSchema,
} from "@/lib/console-users/schema";

/** Environment admins and viewers (console users), managed by operators only. */
export const listConsoleUsersOp = defineOperation({
  id: "listConsoleUsers",
  method: "GET",
  path: "/api/console-users",
  summary: "Console users with environment grants (admins and viewers)",
  tag: "Console users",
  role: "operator",
  query: consoleUserListQuerySchema,
  response: consoleUserListSchema,
});

export const inviteConsoleUserOp = defineOperation({
  id: "inviteConsoleUser",
  method: "POST",
  path: "/api/console-users",
  summary: "Invite an environment admin or viewer (console URL and temporary password by email)",
  tag: "Console users",
  role: "operator",
  body: consoleUserInviteSchema,
  response: consoleUserInviteResultSchema,
  status: 201,
  audit: "console-user.invite",
});

export const updateConsoleUserOp = defineOperation({
  id: "updateConsoleUser",
  method: "PUT",
  path: "/api/console-users/{username}",
  summary: "Replace a console user's environment grants",
  tag: "Console users",
  role: "operator",
  params: consoleUserParamsSchema,
  body: consoleUserUpdateSchema,
  response: consoleUserSchema,
  audit: "console-user.update",
});

export const removeConsoleUserOp = defineOperation({
  id: "removeConsoleUser",
  method: "DELETE",
  path: "/api/console-users/{username}",
  summary: "Remove a console user (signed out everywhere, then deleted)",
  tag: "Console users",
  role: "operator",
  params: consoleUserParamsSchema,
  status: 204,
  audit: "console-user.remove",
});
