import "server-only";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CreateGroupCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  type UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import { SendEmailCommand } from "@aws-sdk/client-sesv2";
import { homeClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { consoleAuthSettings } from "@/lib/auth/console-settings";
import { OPERATORS_GROUP, scopedGroup } from "@/lib/auth/roles";
import { revokeSessionsOf } from "@/lib/auth/session-store";
import { config } from "@/lib/config/env";
import { getEnvironment } from "@/lib/environments/read";
import { ConflictError, NotConfiguredError, NotFoundError, ValidationError } from "@/lib/http/errors";
import { renderInvitation } from "@/lib/invites/email";
import { temporaryPassword } from "@/lib/invites/password";
import { grantsFromGroups } from "@/lib/console-users/grants";
import type { ConsoleUser, ConsoleUserInvite, Grant } from "@/lib/console-users/schema";

/**
 * Environment admins and viewers: console-pool users in the groups
 * env:<name>:admins|viewers. Operators invite them (temporary password by
 * email from the console's sender), change their grants and remove them.
 * Removing a grant or the user ends their console sessions at once
 * (revokeSessionsOf) and Cognito's (global sign-out on removal).
 */
const cognito = () => homeClients().cognito;

function toUser(u: UserType | { Username?: string; UserAttributes?: { Name?: string; Value?: string }[]; UserStatus?: string; Enabled?: boolean }, groups: string[]): ConsoleUser {
  const attrs = "Attributes" in u ? u.Attributes : "UserAttributes" in u ? u.UserAttributes : undefined;
  const email = attrs?.find((a) => a.Name === "email")?.Value ?? u.Username ?? "";
  return {
    username: u.Username ?? "",
    email,
    name: attrs?.find((a) => a.Name === "name")?.Value ?? null,
    status: u.UserStatus ?? "UNKNOWN",
    enabled: u.Enabled !== false,
    operator: groups.includes(OPERATORS_GROUP),
    grants: grantsFromGroups(groups),
  };
}

const OPERATOR_IS_NOT_A_CONSOLE_USER = "This user is an operator: operators reach every environment already, and are managed with `tt console`.";

async function groupsOf(userPoolId: string, username: string): Promise<string[]> {
  const groups: string[] = [];
  let NextToken: string | undefined;
  do {
    const out = await cognito().send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username, NextToken }));
    for (const g of out.Groups ?? []) if (g.GroupName) groups.push(g.GroupName);
    NextToken = out.NextToken;
  } while (NextToken);
  return groups;
}

/** Every console user holding an environment grant (optionally for one environment), by email. */
export async function listConsoleUsers(environment?: string): Promise<ConsoleUser[]> {
  const { userPoolId } = await consoleAuthSettings();
  try {
    const groupNames: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await cognito().send(new ListGroupsCommand({ UserPoolId: userPoolId, NextToken }));
      for (const g of out.Groups ?? []) if (g.GroupName && grantsFromGroups([g.GroupName]).length) groupNames.push(g.GroupName);
      NextToken = out.NextToken;
    } while (NextToken);
    const wanted = environment ? groupNames.filter((g) => grantsFromGroups([g])[0]?.environment === environment) : groupNames;
    const users = new Map<string, { user: UserType; groups: string[] }>();
    for (const GroupName of wanted) {
      let token: string | undefined;
      do {
        const out = await cognito().send(new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName, NextToken: token }));
        for (const u of out.Users ?? []) {
          if (!u.Username) continue;
          const entry = users.get(u.Username) ?? { user: u, groups: [] };
          entry.groups.push(GroupName);
          users.set(u.Username, entry);
        }
        token = out.NextToken;
      } while (token);
    }
    return [...users.values()].map(({ user, groups }) => toUser(user, groups)).sort((a, b) => a.email.localeCompare(b.email));
  } catch (err) {
    throw toUpstreamError(err, "listing console users");
  }
}

async function ensureGroup(userPoolId: string, grant: Grant): Promise<string> {
  const GroupName = scopedGroup(grant.environment, grant.role);
  try {
    await cognito().send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName, Description: `TankTower Console: ${grant.role}s of ${grant.environment}` }));
  } catch (err) {
    if (!isAwsError(err, "GroupExistsException")) throw err;
  }
  return GroupName;
}

/** A grant names an environment the registry holds; otherwise a 400 naming the field, before anything changes. */
async function requireGrantEnvironment(environment: string, field: string): Promise<void> {
  try {
    await getEnvironment(environment);
  } catch (err) {
    if (err instanceof NotFoundError) throw ValidationError.forField(field, `There is no environment named ${environment}.`);
    throw err;
  }
}

/** Invites (or, for an existing console user, grants) an environment admin or viewer. */
export async function inviteConsoleUser(input: ConsoleUserInvite, consoleUrl: string, actor: string): Promise<{ user: ConsoleUser; emailed: boolean; created: boolean }> {
  await requireGrantEnvironment(input.environment, "environment");
  const sender = config().consoleEmailSender;
  if (!sender) throw new NotConfiguredError("Set TT_CONSOLE_EMAIL_SENDER (a verified SES sender of the console's account) to invite console users.");
  const { userPoolId } = await consoleAuthSettings();
  try {
    let username: string | undefined;
    try {
      username = (await cognito().send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: input.email }))).Username;
    } catch (err) {
      if (!isAwsError(err, "UserNotFoundException")) throw err;
    }
    // Grants on an operator would mean nothing, and changing them would end the operator's sessions.
    if (username && (await groupsOf(userPoolId, username)).includes(OPERATORS_GROUP)) throw new ConflictError(OPERATOR_IS_NOT_A_CONSOLE_USER);
    const created = !username;
    let password: string | undefined;
    if (!username) {
      const pool = await cognito().send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
      const policy = pool.UserPool?.Policies?.PasswordPolicy ?? {};
      password = temporaryPassword(policy);
      const out = await cognito().send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: input.email,
          TemporaryPassword: password,
          MessageAction: "SUPPRESS",
          UserAttributes: [{ Name: "email", Value: input.email }, { Name: "email_verified", Value: "true" }, ...(input.name ? [{ Name: "name", Value: input.name }] : [])],
        }),
      );
      username = out.User?.Username;
      if (!username) throw new Error("AdminCreateUser returned no username");
    } else if (input.name) {
      // Inviting someone who has an account already: the name given replaces theirs.
      await cognito().send(new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: username, UserAttributes: [{ Name: "name", Value: input.name }] }));
    }
    const GroupName = await ensureGroup(userPoolId, input);
    await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
    let emailed = false;
    if (password) {
      const days = 7;
      const message = renderInvitation({
        product: `TankTower Console (${input.role} of ${input.environment})`,
        email: input.email,
        signInUrl: consoleUrl,
        temporaryPassword: password,
        expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
        invitedBy: actor,
      });
      await homeClients().ses.send(
        new SendEmailCommand({
          FromEmailAddress: sender,
          Destination: { ToAddresses: [input.email] },
          Content: { Simple: { Subject: { Data: message.subject }, Body: { Text: { Data: message.text }, Html: { Data: message.html } } } },
        }),
      );
      emailed = true;
    }
    const user = await cognito().send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
    return { user: toUser(user, await groupsOf(userPoolId, username)), emailed, created };
  } catch (err) {
    throw toUpstreamError(err, "inviting the console user");
  }
}

async function requireUser(userPoolId: string, username: string) {
  try {
    return await cognito().send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  } catch (err) {
    if (isAwsError(err, "UserNotFoundException")) throw new NotFoundError("There is no such console user.");
    throw toUpstreamError(err, "reading the console user");
  }
}

/** Replaces a console user's environment grants (the operators group is left alone). */
export async function setConsoleUserGrants(username: string, grants: Grant[]): Promise<ConsoleUser> {
  const { userPoolId } = await consoleAuthSettings();
  const user = await requireUser(userPoolId, username);
  for (const [i, grant] of grants.entries()) await requireGrantEnvironment(grant.environment, `grants.${i}.environment`);
  try {
    const current = await groupsOf(userPoolId, username);
    if (current.includes(OPERATORS_GROUP)) throw new ConflictError(OPERATOR_IS_NOT_A_CONSOLE_USER);
    const wanted = new Set(grants.map((g) => scopedGroup(g.environment, g.role)));
    let reduced = false;
    for (const g of current) {
      if (grantsFromGroups([g]).length && !wanted.has(g)) {
        await cognito().send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: g }));
        reduced = true;
      }
    }
    // Less access takes effect now, not at the next refresh: the user's console sessions end.
    const sub = user.UserAttributes?.find((a) => a.Name === "sub")?.Value;
    if (reduced && sub) await revokeSessionsOf(sub);
    for (const grant of grants) {
      const GroupName = await ensureGroup(userPoolId, grant);
      if (!current.includes(GroupName)) await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
    }
    return toUser(user, await groupsOf(userPoolId, username));
  } catch (err) {
    throw toUpstreamError(err, "changing the console user's access");
  }
}

/** Removes a console user who is not an operator: signed out everywhere, then deleted. */
export async function removeConsoleUser(username: string): Promise<void> {
  const { userPoolId } = await consoleAuthSettings();
  const user = await requireUser(userPoolId, username);
  try {
    if ((await groupsOf(userPoolId, username)).includes(OPERATORS_GROUP)) throw new ConflictError(OPERATOR_IS_NOT_A_CONSOLE_USER);
    await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: username }));
    await cognito().send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username }));
    // The console's own session records too, so an open tab is signed out at its next request.
    const sub = user.UserAttributes?.find((a) => a.Name === "sub")?.Value;
    if (sub) await revokeSessionsOf(sub);
  } catch (err) {
    throw toUpstreamError(err, "removing the console user");
  }
}
