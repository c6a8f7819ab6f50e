import "server-only";
import type { NextRequest } from "next/server";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { homeClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { bearerOf, newApiToken, tokenIdOf, tokenMatches } from "@/lib/auth/api-token-format";
import { requirePrincipal } from "@/lib/auth/request-session";
import { scopedGroup, type Principal } from "@/lib/auth/roles";
import { NotFoundError, UnauthenticatedError } from "@/lib/http/errors";
import { apiTokenViewSchema } from "@/lib/jobs/token-operations";
import { ensureRegistryTable, GSI_BY_ENVIRONMENT, registryTableName } from "@/lib/registry/table";

/**
 * Personal API tokens in the registry table (pk `TOKEN`, sk <token id>; gsi1
 * `TOKEN#ENV#<env>` by creation time). Stored hashed; scoped to one environment
 * and a role; with an expiry. Accepted only by operations that opt in
 * (`bearer: true`), and every use is audited.
 */
const apiTokenSchema = apiTokenViewSchema;
export type ApiToken = z.infer<typeof apiTokenSchema>;

const storedSchema = apiTokenSchema.extend({ hash: z.string(), lastUsedAt: z.string().optional(), revokedAt: z.string().optional() });

function view(item: Record<string, unknown> | undefined): (ApiToken & { hash: string }) | undefined {
  const parsed = storedSchema.safeParse(item);
  if (!parsed.success) return undefined;
  return { ...parsed.data, lastUsedAt: parsed.data.lastUsedAt ?? null, revokedAt: parsed.data.revokedAt ?? null };
}

export async function createApiToken(
  input: { environment: string; name: string; role: "admin" | "viewer"; expiresInDays: number },
  owner: string,
  now = new Date(),
): Promise<{ token: string; record: ApiToken }> {
  await ensureRegistryTable();
  const { id, token, hash } = newApiToken();
  const createdAt = now.toISOString();
  const record: ApiToken = {
    id,
    name: input.name,
    environment: input.environment,
    role: input.role,
    owner,
    createdAt,
    expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  const { lastUsedAt: _l, revokedAt: _r, ...stored } = record;
  try {
    await homeClients().documents.send(
      new PutCommand({
        TableName: registryTableName(),
        Item: { pk: "TOKEN", sk: id, gsi1pk: `TOKEN#ENV#${input.environment}`, gsi1sk: `${createdAt}#${id}`, kind: "api-token", ...stored, hash },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  } catch (err) {
    throw toUpstreamError(err, "saving an API token");
  }
  return { token, record };
}

export async function listApiTokens(environment: string): Promise<ApiToken[]> {
  await ensureRegistryTable();
  const out: ApiToken[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const page = await homeClients().documents.send(
        new QueryCommand({
          TableName: registryTableName(),
          IndexName: GSI_BY_ENVIRONMENT,
          KeyConditionExpression: "gsi1pk = :pk",
          ExpressionAttributeValues: { ":pk": `TOKEN#ENV#${environment}` },
          ScanIndexForward: false,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const token = view(item);
        if (token) {
          const { hash: _h, ...rest } = token;
          out.push(rest);
        }
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, "listing API tokens");
  }
  return out;
}

export async function revokeApiToken(environment: string, id: string, now = new Date()): Promise<void> {
  await ensureRegistryTable();
  try {
    await homeClients().documents.send(
      new UpdateCommand({
        TableName: registryTableName(),
        Key: { pk: "TOKEN", sk: id },
        UpdateExpression: "SET revokedAt = if_not_exists(revokedAt, :now)",
        ConditionExpression: "attribute_exists(pk) AND environment = :env",
        ExpressionAttributeValues: { ":now": now.toISOString(), ":env": environment },
      }),
    );
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) throw new NotFoundError(`There is no API token ${id} for ${environment}.`);
    throw toUpstreamError(err, "revoking an API token");
  }
}

const REFUSED = "The API token is not valid for this environment (unknown, revoked or expired).";

/** A principal from `Authorization: Bearer tt_…`, scoped to the token's one environment and role. */
export async function principalFromBearer(token: string, environment: string | undefined, now = new Date()): Promise<Principal> {
  const id = tokenIdOf(token);
  if (!id || !environment) throw new UnauthenticatedError(REFUSED);
  await ensureRegistryTable();
  const out = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: { pk: "TOKEN", sk: id }, ConsistentRead: true }));
  const stored = view(out.Item);
  const valid = stored && tokenMatches(token, stored.hash) && !stored.revokedAt && stored.expiresAt > now.toISOString() && stored.environment === environment;
  if (!stored || !valid) {
    await recordAudit({ actor: stored?.owner ?? `token:${id}`, action: "token.use", environment, target: `token:${id}` }, "denied", "unauthenticated");
    throw new UnauthenticatedError(REFUSED);
  }
  await homeClients().documents.send(
    new UpdateCommand({ TableName: registryTableName(), Key: { pk: "TOKEN", sk: id }, UpdateExpression: "SET lastUsedAt = :now", ExpressionAttributeValues: { ":now": now.toISOString() } }),
  );
  await recordAudit({ actor: stored.owner, action: "token.use", environment, target: `token:${id}` }, "success", undefined);
  return {
    sub: `token:${id}`,
    email: stored.owner,
    username: `token:${id}`,
    groups: [scopedGroup(environment, stored.role)],
    sessionEndsAt: Date.parse(stored.expiresAt),
    tokenId: id,
  };
}

/** For operations that accept tokens: an explicit Bearer header wins; otherwise the cookie session. */
export async function principalForRequest(request: NextRequest, secure: boolean, environment: string | undefined, acceptBearer: boolean): Promise<Principal> {
  const bearer = acceptBearer ? bearerOf(request.headers.get("authorization")) : undefined;
  return bearer ? principalFromBearer(bearer, environment) : requirePrincipal(request, secure);
}
