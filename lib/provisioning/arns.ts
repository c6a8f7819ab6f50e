/**
 * ARNs of an environment's resources, shared by the policy renderers (steps 2
 * and 4) and the list of actions the app performs, so both name the same thing.
 */
import { environmentNames } from "@/lib/provisioning/names";
import type { RenderContext } from "@/lib/provisioning/policy-types";

/** Step 3: the local secondary indexes of the data table. The document's policies allowed only path_index. */
export const DATA_TABLE_INDEXES = ["path_index", "time_index", "geo_index"] as const;

/** Placeholders used in plans made before the resource exists; the apply renders with the real value. */
export const USER_POOL_PLACEHOLDER = "<created by step 4a>";
export const BUCKET_PLACEHOLDER = "<bucket named in step 4b>";

export function partitionOf(ctx: RenderContext): string {
  return ctx.partition ?? "aws";
}

export function tableArn(ctx: RenderContext, tableName: string): string {
  return `arn:${partitionOf(ctx)}:dynamodb:${ctx.region}:${ctx.accountId}:table/${tableName}`;
}

export function dataIndexArns(ctx: RenderContext): string[] {
  const data = tableArn(ctx, environmentNames(ctx.env).tables.data);
  return DATA_TABLE_INDEXES.map((index) => `${data}/index/${index}`);
}

/** The four tables, then the three indexes of the data table. */
export function tableResources(ctx: RenderContext): string[] {
  const { tables } = environmentNames(ctx.env);
  return [
    ...[tables.blueprints, tables.data, tables.entities, tables.rel].map((t) => tableArn(ctx, t)),
    ...dataIndexArns(ctx),
  ];
}

const USER_POOL_ARN = /^arn:[a-z-]+:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[\w-]+_[0-9a-zA-Z]+$/;

/** Step 4a's pool ARN, or a placeholder when the pool is not created yet. */
export function userPoolResource(ctx: RenderContext): { arn: string; known: boolean } {
  if (ctx.userPoolArn === undefined) {
    return { arn: `arn:${partitionOf(ctx)}:cognito-idp:${ctx.region}:${ctx.accountId}:userpool/${USER_POOL_PLACEHOLDER}`, known: false };
  }
  // A pool id (`<region>_<id>`) passed where the ARN belongs is exactly the document's mistake; refuse it.
  if (!USER_POOL_ARN.test(ctx.userPoolArn)) {
    throw new Error(`"${ctx.userPoolArn}" is not a Cognito user pool ARN (arn:<partition>:cognito-idp:<region>:<account>:userpool/<pool id>).`);
  }
  return { arn: ctx.userPoolArn, known: true };
}

/** Step 4b's bucket, objects only (the app never lists or configures the bucket itself). */
export function bucketObjectsResource(ctx: RenderContext): { arn: string; known: boolean } {
  const name = ctx.bucketName ?? BUCKET_PLACEHOLDER;
  return { arn: `arn:${partitionOf(ctx)}:s3:::${name}/*`, known: ctx.bucketName !== undefined };
}

export type ExecuteApiEndpoint = { apiId: string; region: string };

const EXECUTE_API_HOST = /^([a-z0-9]+)\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

/**
 * `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/...` → API id and region.
 * Undefined for anything else (a custom domain hides the API id).
 */
export function parseExecuteApiUrl(url: string): ExecuteApiEndpoint | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:") return undefined;
  const match = EXECUTE_API_HOST.exec(parsed.hostname);
  if (!match) return undefined;
  const [, apiId, region] = match;
  if (apiId === undefined || region === undefined) return undefined;
  return { apiId, region };
}

/** Every stage, method and path of the app's API: `arn:…:execute-api:{region}:{account}:{apiId}/*`. */
export function executeApiArn(ctx: RenderContext, endpoint: ExecuteApiEndpoint): string {
  return `arn:${partitionOf(ctx)}:execute-api:${endpoint.region}:${ctx.accountId}:${endpoint.apiId}/*`;
}
