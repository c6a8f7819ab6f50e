import "server-only";
import { clientsFor, type AwsClients, type AwsTarget } from "@/lib/aws/clients";
import type { ResolvedCredentialSource } from "@/lib/aws/credentials";
import { unseal } from "@/lib/crypto/sealed";
import { config } from "@/lib/config/env";
import { AppError, ConflictError } from "@/lib/http/errors";
import { endpointRefusal } from "@/lib/environments/endpoint-policy";
import type { EnvironmentRecord } from "@/lib/environments/record";

/** The AWS target of an environment; the sealed secret is opened only here, in memory. */
export function targetFor(record: EnvironmentRecord): AwsTarget {
  // A record saved before endpoints were checked must not reach a metadata address either.
  const refusal = record.endpoint ? endpointRefusal(record.endpoint, config().mode) : undefined;
  if (refusal) throw new ConflictError(`${record.name}'s AWS endpoint cannot be used: ${refusal}`, { endpoint: [refusal] });
  const c = record.credentials;
  let credentials: ResolvedCredentialSource;
  if (c.type === "keys") {
    const secretAccessKey = unseal("registry-secrets", c.secretSealed);
    if (!secretAccessKey) {
      throw new AppError(
        500,
        "internal",
        `The stored secret for ${record.name} cannot be decrypted (was TT_CONSOLE_SECRET changed?). Enter the access key again.`,
      );
    }
    credentials = { type: "keys", accessKeyId: c.accessKeyId, secretAccessKey };
  } else {
    credentials = c;
  }
  return {
    cacheKey: `env:${record.name}:v${record.version}`,
    region: record.region,
    ...(record.endpoint ? { endpoint: record.endpoint } : {}),
    credentials,
  };
}

export function clientsForEnvironment(record: EnvironmentRecord): AwsClients {
  return clientsFor(targetFor(record));
}
