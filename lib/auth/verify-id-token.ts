import "server-only";
import { JwtRsaVerifier } from "aws-jwt-verify";
import { JwtBaseError } from "aws-jwt-verify/error";
import type { Fetcher } from "aws-jwt-verify/https";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import { cognitoEndpoint, type ConsoleAuthSettings } from "@/lib/auth/console-settings";
import { UnauthenticatedError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";

/**
 * Verifies a Cognito ID token from the console's user pool: signature against
 * the pool's JWKS (fetched from the Cognito endpoint in use, cached, refreshed
 * on unknown kid), issuer, audience (our app client), expiry and token_use.
 */
export type IdTokenClaims = { sub: string; email: string; username: string; exp: number };

type Verifier = ReturnType<typeof makeVerifier>;
const verifiers = new Map<string, Verifier>();

/**
 * The library's own fetcher speaks only https; the Cognito endpoint comes from
 * SDK configuration and may be plain http on a developer machine, so fetch
 * the JWKS with the platform fetch (with a timeout) instead.
 */
const jwksFetcher: Fetcher = {
  async fetch(uri: string) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5000), headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`JWKS fetch answered ${response.status}`);
    return response.arrayBuffer();
  },
};

function makeVerifier(settings: ConsoleAuthSettings) {
  return JwtRsaVerifier.create(
    {
    issuer: `https://cognito-idp.${settings.region}.amazonaws.com/${settings.userPoolId}`,
    audience: settings.clientId,
    jwksUri: `${cognitoEndpoint(settings.region)}/${settings.userPoolId}/.well-known/jwks.json`,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== "id") throw new UnauthenticatedError("That is not an ID token.");
    },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: jwksFetcher }) },
  );
}

function verifierFor(settings: ConsoleAuthSettings): Verifier {
  const key = `${settings.userPoolId}/${settings.clientId}`;
  let verifier = verifiers.get(key);
  if (!verifier) {
    verifier = makeVerifier(settings);
    verifiers.set(key, verifier);
  }
  return verifier;
}

export async function verifyIdToken(settings: ConsoleAuthSettings, idToken: string): Promise<IdTokenClaims> {
  let payload: Record<string, unknown>;
  try {
    payload = (await verifierFor(settings).verify(idToken)) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof UnauthenticatedError) throw err;
    if (err instanceof JwtBaseError) {
      log.info("rejected ID token", { reason: err.constructor.name });
      throw new UnauthenticatedError("The sign-in token is not valid for this console. Sign in again.");
    }
    throw err;
  }
  const { sub, email, exp } = payload;
  const username = payload["cognito:username"];
  if (typeof sub !== "string" || typeof exp !== "number") {
    throw new UnauthenticatedError("The sign-in token is missing required claims.");
  }
  return {
    sub,
    exp,
    email: typeof email === "string" ? email : "",
    username: typeof username === "string" ? username : sub,
  };
}
