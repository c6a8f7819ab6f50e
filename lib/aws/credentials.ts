import "server-only";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";

/**
 * Where an environment's AWS credentials come from. `keys` carries the
 * decrypted secret only in memory, for the lifetime of a client.
 */
export type ResolvedCredentialSource =
  | { type: "default" }
  | { type: "profile"; profile: string }
  | { type: "keys"; accessKeyId: string; secretAccessKey: string }
  | { type: "assume-role"; roleArn: string; externalId?: string };

export type ProviderOptions = { region: string; endpoint?: string };

/** Builds the credential provider for a source; undefined means the SDK's default chain. */
export function credentialProvider(
  source: ResolvedCredentialSource,
  opts: ProviderOptions,
): AwsCredentialIdentityProvider | undefined {
  switch (source.type) {
    case "default":
      return undefined;
    case "profile":
      return fromIni({ profile: source.profile });
    case "keys": {
      const identity = { accessKeyId: source.accessKeyId, secretAccessKey: source.secretAccessKey };
      return async () => identity;
    }
    case "assume-role":
      // The recommended way into a third-party account: the console's own
      // identity (default chain) assumes a role the account owner created,
      // with an external id against the confused-deputy problem.
      return fromTemporaryCredentials({
        params: {
          RoleArn: source.roleArn,
          ExternalId: source.externalId,
          RoleSessionName: "tanktower-console",
          DurationSeconds: 3600,
        },
        masterCredentials: fromNodeProviderChain(),
        clientConfig: { region: opts.region, ...(opts.endpoint ? { endpoint: opts.endpoint } : {}) },
      });
  }
}
