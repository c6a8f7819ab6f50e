import "server-only";
import {
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";

/**
 * Cognito has no lookup by name: page through the list. Used by the console's
 * own sign-in setup and by provisioning (an environment's pool and client).
 */
export async function findUserPoolIdByName(cognito: CognitoIdentityProviderClient, name: string): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const out = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    const hit = out.UserPools?.find((p) => p.Name === name && p.Id);
    if (hit?.Id) return hit.Id;
    NextToken = out.NextToken;
  } while (NextToken);
  return undefined;
}

export async function findAppClientIdByName(
  cognito: CognitoIdentityProviderClient,
  UserPoolId: string,
  name: string,
): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const out = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 60, NextToken }));
    const hit = out.UserPoolClients?.find((c) => c.ClientName === name && c.ClientId);
    if (hit?.ClientId) return hit.ClientId;
    NextToken = out.NextToken;
  } while (NextToken);
  return undefined;
}
