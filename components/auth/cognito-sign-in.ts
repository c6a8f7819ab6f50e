import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
} from "amazon-cognito-identity-js";
import type { AuthConfig } from "@/lib/auth/schema";

/**
 * Browser-side Cognito sign-in (USER_PASSWORD_AUTH). Tokens are kept in memory
 * only, long enough to hand them to POST /api/session; nothing goes to
 * localStorage.
 */
class MemoryStorage implements ICognitoStorage {
  private readonly data = new Map<string, string>();
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  clear() {
    this.data.clear();
  }
}

export type Tokens = { idToken: string; accessToken: string; refreshToken: string };

export type SignInOutcome = { kind: "signed-in"; tokens: Tokens } | { kind: "new-password-required"; user: CognitoUser };

function tokensOf(session: CognitoUserSession): Tokens {
  return {
    idToken: session.getIdToken().getJwtToken(),
    accessToken: session.getAccessToken().getJwtToken(),
    refreshToken: session.getRefreshToken().getToken(),
  };
}

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
    case "TooManyRequestsException":
    case "LimitExceededException":
      return new SignInError("Too many attempts. Wait a minute and try again.");
    case "NetworkError":
      return new SignInError("Could not reach the sign-in service.");
    default:
      return new SignInError("Sign-in failed. Try again, or ask an operator to check your account.");
  }
}

export function signIn(config: AuthConfig, email: string, password: string): Promise<SignInOutcome> {
  const storage = new MemoryStorage();
  const pool = new CognitoUserPool({ UserPoolId: config.userPoolId, ClientId: config.clientId, endpoint: config.endpoint, Storage: storage });
  const user = new CognitoUser({ Username: email.trim(), Pool: pool, Storage: storage });
  user.setAuthenticationFlowType("USER_PASSWORD_AUTH");
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email.trim(), Password: password }), {
      onSuccess: (session) => resolve({ kind: "signed-in", tokens: tokensOf(session) }),
      onFailure: (err: unknown) => reject(friendly(err)),
      newPasswordRequired: () => resolve({ kind: "new-password-required", user }),
    });
  });
}

export function completeNewPassword(user: CognitoUser, newPassword: string): Promise<Tokens> {
  return new Promise((resolve, reject) => {
    user.completeNewPasswordChallenge(newPassword, {}, {
      onSuccess: (session) => resolve(tokensOf(session)),
      onFailure: (err: unknown) => reject(friendly(err)),
    });
  });
}
