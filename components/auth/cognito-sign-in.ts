import { CognitoUserPool } from "amazon-cognito-identity-js";
import type { AuthConfig } from "@/lib/auth/schema";

/**
 * Browser-side Cognito sign-in: USER_PASSWORD_AUTH and the NEW_PASSWORD_REQUIRED
 * challenge, through amazon-cognito-identity-js's request client.
 *
 * Why not CognitoUser.authenticateUser: on NEW_PASSWORD_REQUIRED it JSON-parses
 * the optional `userAttributes` challenge parameter and fails when a Cognito
 * implementation leaves it out, which makes invited users unable to sign in.
 * Driving InitiateAuth / RespondToAuthChallenge ourselves reads only what the
 * flow needs. Tokens stay in memory until POST /api/session; nothing is stored.
 */
type RequestClient = { request: (operation: string, params: object, callback: (err: unknown, data: unknown) => void) => void };

type AuthResponse = {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: { IdToken?: string; AccessToken?: string; RefreshToken?: string };
};

export type Tokens = { idToken: string; accessToken: string; refreshToken: string };

export type PendingChallenge = { username: string; session: string };

export type SignInOutcome = { kind: "signed-in"; tokens: Tokens } | { kind: "new-password-required"; challenge: PendingChallenge };

export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignInError";
  }
}

function friendly(err: unknown): SignInError {
  const code = (err as { code?: string; name?: string } | undefined)?.code ?? (err as { name?: string } | undefined)?.name;
  switch (code) {
    case "NotAuthorizedException":
    case "UserNotFoundException":
      return new SignInError("Incorrect email or password.");
    case "PasswordResetRequiredException":
      return new SignInError("Your password must be reset by an operator before you can sign in.");
    case "UserNotConfirmedException":
      return new SignInError("This account is not confirmed yet.");
    case "InvalidPasswordException":
      return new SignInError("That password does not meet the policy: at least 8 characters with upper- and lowercase letters and a digit.");
    case "CodeMismatchException":
    case "ExpiredCodeException":
      return new SignInError("The sign-in attempt expired. Start again.");
    case "TooManyRequestsException":
    case "LimitExceededException":
      return new SignInError("Too many attempts. Wait a minute and try again.");
    case "NetworkError":
      return new SignInError("Could not reach the sign-in service.");
    default:
      return new SignInError("Sign-in failed. Try again, or ask an operator to check your account.");
  }
}

function clientFor(config: AuthConfig): RequestClient {
  const pool = new CognitoUserPool({ UserPoolId: config.userPoolId, ClientId: config.clientId, endpoint: config.endpoint });
  const client = (pool as unknown as { client?: Partial<RequestClient> }).client;
  if (typeof client?.request !== "function") throw new SignInError("The sign-in library is not usable in this browser.");
  return client as RequestClient;
}

function call(client: RequestClient, operation: string, params: object): Promise<AuthResponse> {
  return new Promise((resolve, reject) => {
    client.request(operation, params, (err, data) => (err ? reject(friendly(err)) : resolve((data ?? {}) as AuthResponse)));
  });
}

function outcomeOf(response: AuthResponse, fallbackUsername: string): SignInOutcome {
  const result = response.AuthenticationResult;
  if (result?.IdToken && result.AccessToken && result.RefreshToken) {
    return { kind: "signed-in", tokens: { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken } };
  }
  if (response.ChallengeName === "NEW_PASSWORD_REQUIRED" && response.Session) {
    return {
      kind: "new-password-required",
      challenge: { username: response.ChallengeParameters?.USERNAME ?? fallbackUsername, session: response.Session },
    };
  }
  throw new SignInError(
    response.ChallengeName
      ? `This account needs a sign-in step the console does not support (${response.ChallengeName}).`
      : "Sign-in failed. Try again.",
  );
}

export async function signIn(config: AuthConfig, email: string, password: string): Promise<SignInOutcome> {
  const username = email.trim();
  const response = await call(clientFor(config), "InitiateAuth", {
    AuthFlow: "USER_PASSWORD_AUTH",
    ClientId: config.clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return outcomeOf(response, username);
}

export async function completeNewPassword(config: AuthConfig, challenge: PendingChallenge, newPassword: string): Promise<Tokens> {
  const response = await call(clientFor(config), "RespondToAuthChallenge", {
    ChallengeName: "NEW_PASSWORD_REQUIRED",
    ClientId: config.clientId,
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword },
  });
  const outcome = outcomeOf(response, challenge.username);
  if (outcome.kind !== "signed-in") throw new SignInError("Sign-in failed after setting the password. Sign in again.");
  return outcome.tokens;
}
