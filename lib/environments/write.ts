import "server-only";
import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients, forgetClients } from "@/lib/aws/clients";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { seal } from "@/lib/crypto/sealed";
import { config } from "@/lib/config/env";
import { ConflictError, ValidationError } from "@/lib/http/errors";
import { endpointRefusal } from "@/lib/environments/endpoint-policy";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";
import { getEnvironment } from "@/lib/environments/read";
import { environmentKey, itemFromRecord, type EnvironmentRecord, type StoredCredentials } from "@/lib/environments/record";
import type { CredentialsUpdate, EnvironmentCreate, EnvironmentUpdate } from "@/lib/environments/schema";

/**
 * Registry writes. Updates are partial (PATCH): only the fields sent change.
 * Every write is conditional: create only if absent, update
 * and delete only at the version the caller saw, so concurrent edits answer
 * 409 instead of silently overwriting.
 */
function storeCredentials(input: CredentialsUpdate, previous?: StoredCredentials): StoredCredentials {
  switch (input.type) {
    case "unchanged":
      if (!previous) throw ValidationError.forField("credentials", "Choose a credentials source.");
      return previous;
    case "default":
      return { type: "default" };
    case "profile":
      return { type: "profile", profile: input.profile };
    case "assume-role":
      return { type: "assume-role", roleArn: input.roleArn, ...(input.externalId ? { externalId: input.externalId } : {}) };
    case "keys": {
      if (input.secretAccessKey) {
        return { type: "keys", accessKeyId: input.accessKeyId, secretSealed: seal("registry-secrets", input.secretAccessKey) };
      }
      // Editing without retyping the secret keeps it, but only for the same key id.
      if (previous?.type === "keys" && previous.accessKeyId === input.accessKeyId) return previous;
      throw ValidationError.forField("credentials.secretAccessKey", "The secret access key is required for a new access key id.");
    }
  }
}

function optional<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  return value === undefined || value === null || value === "" ? {} : ({ [key]: value } as Record<K, V>);
}

/** Outside the sandbox, an endpoint override may not point at link-local or metadata addresses. */
function checkEndpoint(endpoint: string | null | undefined): void {
  if (!endpoint) return;
  const refusal = endpointRefusal(endpoint, config().mode);
  if (refusal) throw ValidationError.forField("endpoint", refusal);
}

function editable(input: EnvironmentCreate) {
  checkEndpoint(input.endpoint);
  return {
    region: input.region,
    credentials: storeCredentials(input.credentials),
    ...optional("accountId", input.accountId),
    ...optional("endpoint", input.endpoint),
    ...optional("appApiUrl", input.appApiUrl),
    ...optional("appFunctionArn", input.appFunctionArn),
    ...optional("sesSender", input.sesSender),
    ...optional("description", input.description),
    ...optional("readCapacity", input.readCapacity),
    ...optional("writeCapacity", input.writeCapacity),
    ...optional("languages", input.languages),
  };
}

type ClearableField = "accountId" | "endpoint" | "appApiUrl" | "appFunctionArn" | "sesSender" | "description" | "readCapacity" | "writeCapacity";
const CLEARABLE: readonly ClearableField[] = ["accountId", "endpoint", "appApiUrl", "appFunctionArn", "sesSender", "description", "readCapacity", "writeCapacity"];

/** A partial update: absent fields keep their value, null clears them, anything else replaces them. */
export function applyUpdate(current: EnvironmentRecord, input: EnvironmentUpdate): Omit<EnvironmentRecord, "updatedAt" | "updatedBy" | "version"> {
  checkEndpoint(input.endpoint);
  const next: Record<string, unknown> = { ...current };
  if (input.region !== undefined) next.region = input.region;
  if (input.credentials !== undefined) next.credentials = storeCredentials(input.credentials, current.credentials);
  if (input.languages !== undefined) next.languages = input.languages;
  for (const field of CLEARABLE) {
    const value = input[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as Omit<EnvironmentRecord, "updatedAt" | "updatedBy" | "version">;
}

export async function createEnvironment(input: EnvironmentCreate, actor: string): Promise<EnvironmentRecord> {
  await ensureRegistryTable();
  const now = new Date().toISOString();
  const record: EnvironmentRecord = {
    name: input.name,
    ...editable(input),
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    updatedBy: actor,
    version: 1,
  };
  try {
    await homeClients().documents.send(
      new PutCommand({
        TableName: registryTableName(),
        Item: itemFromRecord(record),
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) {
      throw new ConflictError(`An environment named ${input.name} already exists.`, {
        name: [`An environment named ${input.name} already exists.`],
      });
    }
    throw toUpstreamError(err, "saving the environment");
  }
  return record;
}

function staleError(name: string): ConflictError {
  return new ConflictError(
    `${name} was changed by someone else since you opened it. Reload to see the current version, then edit again.`,
  );
}

export async function updateEnvironment(name: string, input: EnvironmentUpdate, actor: string): Promise<EnvironmentRecord> {
  const current = await getEnvironment(name);
  if (current.version !== input.version) throw staleError(name);
  const record: EnvironmentRecord = {
    ...applyUpdate(current, input),
    updatedAt: new Date().toISOString(),
    updatedBy: actor,
    version: current.version + 1,
  };
  await writeAtVersion(name, "saving the environment", () =>
    homeClients().documents.send(new PutCommand({ TableName: registryTableName(), Item: itemFromRecord(record), ...atVersion(input.version) })),
  );
  return record;
}

export async function removeEnvironment(name: string, expectedVersion?: number): Promise<void> {
  const current = await getEnvironment(name);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleError(name);
  await writeAtVersion(name, "removing the environment", () =>
    homeClients().documents.send(new DeleteCommand({ TableName: registryTableName(), Key: environmentKey(name), ...atVersion(current.version) })),
  );
}

/** The condition of every update and delete: the item still exists at the version the caller saw. */
function atVersion(expected: number) {
  return {
    ConditionExpression: "attribute_exists(pk) AND #version = :expected",
    ExpressionAttributeNames: { "#version": "version" },
    ExpressionAttributeValues: { ":expected": expected },
  };
}

/** Runs a conditional write; a failed condition is a stale edit (409). Cached clients of the old version go. */
async function writeAtVersion(name: string, what: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) throw staleError(name);
    throw toUpstreamError(err, what);
  }
  forgetClients(`env:${name}:`);
}
