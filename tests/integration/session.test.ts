import { describe, expect, it } from "vitest";
import {
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { homeClients } from "@/lib/aws/clients";
import { initConsole } from "@/lib/auth/console-init";
import { refreshSession, startSession } from "@/lib/auth/session";
import { UnauthenticatedError } from "@/lib/http/errors";
import { withEmulator } from "../support/emulator";

withEmulator();

const EMAIL = "first.operator@example.com";
const PASSWORD = "First-Operator-1";

async function passwordSignIn(clientId: string, email = EMAIL, password = PASSWORD) {
  const out = await homeClients().cognito.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  const r = out.AuthenticationResult;
  if (!r?.IdToken || !r.RefreshToken) throw new Error("no tokens");
  return { idToken: r.IdToken, accessToken: r.AccessToken, refreshToken: r.RefreshToken };
}

describe("console sign-in (against the emulator)", () => {
  let settings: Awaited<ReturnType<typeof initConsole>>;

  it("console init creates the pool, client, group and operator, and is idempotent", async () => {
    settings = await initConsole({ adminEmail: EMAIL, permanentPassword: PASSWORD });
    expect(settings.created).toEqual([
      expect.stringMatching(/^user pool tanktower-console/),
      expect.stringMatching(/^app client tanktower-console-web/),
      "group operators",
      `operator ${EMAIL}`,
    ]);
    const again = await initConsole({ adminEmail: EMAIL, permanentPassword: PASSWORD });
    expect(again).toMatchObject({ userPoolId: settings.userPoolId, clientId: settings.clientId, created: [] });
  });

  it("console init gives the operator a name when asked, and a later run changes it", async () => {
    const nameOf = async (email: string) =>
      (await homeClients().cognito.send(new AdminGetUserCommand({ UserPoolId: settings.userPoolId, Username: email }))).UserAttributes?.find((a) => a.Name === "name")?.Value;
    expect(await nameOf(EMAIL)).toBeUndefined();
    await initConsole({ adminEmail: "named.operator@example.com", adminName: "Named Operator" });
    expect(await nameOf("named.operator@example.com")).toBe("Named Operator");
    expect((await initConsole({ adminEmail: EMAIL, adminName: "  First Operator " })).created).toEqual([]);
    expect(await nameOf(EMAIL)).toBe("First Operator");
  });

  it("turns verified Cognito tokens into a session with the operator's groups", async () => {
    const session = await startSession(await passwordSignIn(settings.clientId));
    expect(session).toMatchObject({ email: EMAIL, groups: ["operators"] });
    expect(session.exp).toBeLessThanOrEqual(Date.now() + 15 * 60 * 1000);
    expect(session.maxExp).toBeGreaterThan(session.exp);
  });

  it("refreshes with the refresh token and re-reads group membership", async () => {
    const session = await startSession(await passwordSignIn(settings.clientId));
    const refreshed = await refreshSession({ ...session, exp: Date.now() - 1000 });
    expect(refreshed).toMatchObject({ sub: session.sub, groups: ["operators"], maxExp: session.maxExp });
    expect(refreshed.exp).toBeGreaterThan(Date.now());

    await homeClients().cognito.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: settings.userPoolId, Username: session.username, GroupName: "operators" }),
    );
    const demoted = await refreshSession({ ...session, exp: Date.now() - 1000 });
    expect(demoted.groups).toEqual([]);
  });

  it("rejects tampered tokens, access tokens and tokens for another client", async () => {
    const tokens = await passwordSignIn(settings.clientId);
    const [h, p, sig] = tokens.idToken.split(".");
    const payload = JSON.parse(Buffer.from(p ?? "", "base64url").toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, email: "evil@example.com" })).toString("base64url")}.${sig}`;
    await expect(startSession({ idToken: forged })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(startSession({ idToken: tokens.accessToken ?? "" })).rejects.toBeInstanceOf(UnauthenticatedError);

    const { cognito } = homeClients();
    // A token minted for another client of the same pool is not for this console either.
    const samePoolOtherClient = await cognito.send(
      new CreateUserPoolClientCommand({ UserPoolId: settings.userPoolId, ClientName: "not-the-console", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }),
    );
    const foreign = await passwordSignIn(samePoolOtherClient.UserPoolClient?.ClientId ?? "");
    await expect(startSession(foreign)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("ends a disabled user's session at the next refresh", async () => {
    const session = await startSession(await passwordSignIn(settings.clientId));
    await homeClients().cognito.send(new AdminDisableUserCommand({ UserPoolId: settings.userPoolId, Username: session.username }));
    await expect(refreshSession({ ...session, exp: Date.now() - 1000 })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
