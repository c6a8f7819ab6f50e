import "server-only";
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { homeClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { consoleAuthSettings, type ConsoleAuthSettings } from "@/lib/auth/console-settings";
import { verifyIdToken, type IdTokenClaims } from "@/lib/auth/verify-id-token";
import { createSessionRecord, deleteSessionRecord, newSessionId } from "@/lib/auth/session-store";
import type { SessionPayload } from "@/lib/auth/session-cookie";
import { OPERATORS_GROUP, type Principal } from "@/lib/auth/roles";
import type { PrincipalView } from "@/lib/auth/schema";
import { log } from "@/lib/log/logger";
import { config } from "@/lib/config/env";
import { UnauthenticatedError } from "@/lib/http/errors";

/** How long a cookie is accepted before the server refreshes it against Cognito. */
const SESSION_WINDOW_MS = 15 * 60 * 1000;

export type SignInTokens = { idToken: string; accessToken?: string; refreshToken?: string };

/**
 * Group membership is read from Cognito with the console's credentials rather
 * than trusted from the token, so removing someone from `operators` takes
 * effect at their next refresh.
 */
async function groupsOf(settings: ConsoleAuthSettings, username: string): Promise<string[]> {
  const groups: string[] = [];
  let NextToken: string | undefined;
  try {
    do {
      const out = await homeClients().cognito.send(
        new AdminListGroupsForUserCommand({ UserPoolId: settings.userPoolId, Username: username, NextToken }),
      );
      for (const g of out.Groups ?? []) if (g.GroupName) groups.push(g.GroupName);
      NextToken = out.NextToken;
    } while (NextToken);
  } catch (err) {
    if (isAwsError(err, "UserNotFoundException")) throw new UnauthenticatedError("This account no longer exists.");
    throw toUpstreamError(err, "reading the console user's groups");
  }
  return groups;
}

/**
 * The account as Cognito has it now: its email attribute (the token's claim
 * can be absent) and whether it is still enabled, so disabling a user ends
 * their session at the next refresh.
 */
async function accountOf(settings: ConsoleAuthSettings, username: string): Promise<{ email: string }> {
  try {
    const out = await homeClients().cognito.send(new AdminGetUserCommand({ UserPoolId: settings.userPoolId, Username: username }));
    if (out.Enabled === false) throw new UnauthenticatedError("This account is disabled.");
    const email = out.UserAttributes?.find((a) => a.Name === "email")?.Value;
    return { email: email ?? username };
  } catch (err) {
    if (isAwsError(err, "UserNotFoundException")) throw new UnauthenticatedError("This account no longer exists.");
    throw toUpstreamError(err, "reading the console user");
  }
}

function payloadFor(
  sid: string,
  claims: IdTokenClaims,
  groups: string[],
  maxExp: number,
  refreshToken: string | undefined,
  now: number,
): SessionPayload {
  return {
    v: 1,
    sid,
    sub: claims.sub,
    email: claims.email,
    username: claims.username,
    groups,
    exp: Math.min(now + SESSION_WINDOW_MS, claims.exp * 1000, maxExp),
    maxExp,
    refreshToken,
  };
}

export async function startSession(tokens: SignInTokens, now = Date.now()): Promise<SessionPayload> {
  const settings = await consoleAuthSettings();
  const claims = await verifyIdToken(settings, tokens.idToken);
  const [account, groups] = await Promise.all([accountOf(settings, claims.username), groupsOf(settings, claims.username)]);
  const maxExp = now + config().sessionMaxHours * 3600 * 1000;
  const session = payloadFor(newSessionId(), { ...claims, email: account.email }, groups, maxExp, tokens.refreshToken, now);
  await createSessionRecord({ sid: session.sid, sub: session.sub, email: session.email, maxExp }, now);
  return session;
}

/** Exchanges the refresh token for a new ID token and re-reads the groups. */
export async function refreshSession(session: SessionPayload, now = Date.now()): Promise<SessionPayload> {
  if (!session.refreshToken) throw new UnauthenticatedError("Your session has expired. Sign in again.");
  const settings = await consoleAuthSettings();
  let idToken: string | undefined;
  try {
    const out = await homeClients().cognito.send(
      new InitiateAuthCommand({
        ClientId: settings.clientId,
        AuthFlow: "REFRESH_TOKEN_AUTH",
        AuthParameters: { REFRESH_TOKEN: session.refreshToken },
      }),
    );
    idToken = out.AuthenticationResult?.IdToken;
  } catch (err) {
    if (isAwsError(err, "NotAuthorizedException", "UserNotFoundException")) {
      throw new UnauthenticatedError("Your session has expired. Sign in again.");
    }
    throw toUpstreamError(err, "refreshing the session");
  }
  if (!idToken) throw new UnauthenticatedError("Your session has expired. Sign in again.");
  const claims = await verifyIdToken(settings, idToken);
  if (claims.sub !== session.sub) throw new UnauthenticatedError("Your session has expired. Sign in again.");
  const [account, groups] = await Promise.all([accountOf(settings, claims.username), groupsOf(settings, claims.username)]);
  return payloadFor(session.sid, { ...claims, email: account.email }, groups, session.maxExp, session.refreshToken, now);
}

export function principalOf(session: SessionPayload): Principal {
  return {
    sub: session.sub,
    email: session.email,
    username: session.username,
    groups: session.groups,
    sessionEndsAt: session.maxExp,
  };
}

export function principalView(p: Principal | SessionPayload): PrincipalView {
  const principal = "maxExp" in p ? principalOf(p) : p;
  return {
    email: principal.email,
    sub: principal.sub,
    groups: principal.groups,
    roles: { operator: principal.groups.includes(OPERATORS_GROUP) },
    expiresAt: new Date(principal.sessionEndsAt).toISOString(),
  };
}

/**
 * Sign-out: the server-side record goes (that is what ends the session, on
 * every replica), then the refresh token is revoked at Cognito, best effort
 * (the sandbox cannot, and access tokens stay valid until they expire anyway).
 */
export async function endSession(session: SessionPayload | undefined): Promise<void> {
  if (!session) return;
  await deleteSessionRecord(session.sub, session.sid);
  if (!session.refreshToken) return;
  try {
    const settings = await consoleAuthSettings();
    await homeClients().cognito.send(new RevokeTokenCommand({ ClientId: settings.clientId, Token: session.refreshToken }));
  } catch (err) {
    log.info("refresh token revocation failed", { code: (err as { name?: string }).name });
  }
}
