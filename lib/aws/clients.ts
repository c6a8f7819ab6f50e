import "server-only";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { SESClient } from "@aws-sdk/client-ses";
import { S3Client } from "@aws-sdk/client-s3";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { config } from "@/lib/config/env";
import { credentialProvider, type ResolvedCredentialSource } from "@/lib/aws/credentials";
import { currentCallLog } from "@/lib/aws/call-log";

/**
 * The only place SDK clients are built. A target is an AWS account + region
 * reached with one credential source; the endpoint is left to the SDK's
 * standard configuration (AWS_ENDPOINT_URL) unless the target names one.
 */
export type AwsTarget = {
  /** Identifies the target for client caching; must change when credentials change. */
  cacheKey: string;
  region: string;
  endpoint?: string;
  credentials: ResolvedCredentialSource;
};

export type AwsClients = {
  dynamodb: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  iam: IAMClient;
  sts: STSClient;
  cognito: CognitoIdentityProviderClient;
  ses: SESv2Client;
  /** SES v1, only for GetSendQuota (the emulator has no SES v2 GetAccount). */
  sesClassic: SESClient;
  s3: S3Client;
  events: EventBridgeClient;
  /** Only to let a job schedule's EventBridge rule invoke the app function (AddPermission/RemovePermission). */
  lambda: LambdaClient;
};

const cache = new Map<string, AwsClients>();
const MAX_CACHED = 64;

type Countable = {
  middlewareStack: {
    add: (
      mw: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>,
      opts: { step: "initialize"; name: string },
    ) => void;
  };
};

/** Reports each call, and how many attempts it took, to the CallLog of the current async context, if any. */
function counted<C>(client: C): C {
  (client as unknown as Countable).middlewareStack.add(
    (next, context) => async (args) => {
      const log = currentCallLog();
      log?.record(context.commandName ?? "Unknown");
      if (!log) return next(args);
      const send = () =>
        next(args).then(
          (result) => {
            log.attempted(attemptsOf((result as { output?: unknown }).output));
            return result;
          },
          (err: unknown) => {
            log.attempted(attemptsOf(err));
            throw err;
          },
        );
      return log.serial ? log.exclusive(send) : send();
    },
    { step: "initialize", name: "ttCallLog" },
  );
  return client;
}

function attemptsOf(value: unknown): number | undefined {
  const attempts = (value as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata?.attempts;
  return typeof attempts === "number" ? attempts : undefined;
}

function build(target: AwsTarget): AwsClients {
  const base = {
    region: target.region,
    credentials: credentialProvider(target.credentials, { region: target.region, endpoint: target.endpoint }),
    retryMode: "adaptive",
    maxAttempts: 5,
    // Fail fast on an endpoint that does not answer instead of hanging a request.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  } as const;
  const dynamodb = counted(new DynamoDBClient(base));
  return {
    dynamodb,
    // The document client sends through `dynamodb`, so its calls are counted there.
    documents: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
    // IAM is global; its API lives in us-east-1 for the commercial partition.
    iam: counted(new IAMClient({ ...base, region: "us-east-1" })),
    sts: counted(new STSClient(base)),
    cognito: counted(new CognitoIdentityProviderClient(base)),
    ses: counted(new SESv2Client(base)),
    sesClassic: counted(new SESClient(base)),
    // Path-style addressing works with every endpoint, custom ones included.
    events: counted(new EventBridgeClient(base)),
    lambda: counted(new LambdaClient(base)),
    s3: counted(new S3Client({ ...base, forcePathStyle: Boolean(target.endpoint) || Boolean(config().endpointUrl) })),
  };
}

export function clientsFor(target: AwsTarget): AwsClients {
  const hit = cache.get(target.cacheKey);
  if (hit) return hit;
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  const clients = build(target);
  cache.set(target.cacheKey, clients);
  return clients;
}

/** The console's home account: where the registry table and the console's user pool live. */
export function homeClients(): AwsClients {
  const { homeRegion } = config();
  return clientsFor({ cacheKey: `home:${homeRegion}`, region: homeRegion, credentials: { type: "default" } });
}

export function forgetClients(cacheKeyPrefix: string): void {
  for (const key of cache.keys()) if (key.startsWith(cacheKeyPrefix)) cache.delete(key);
}
