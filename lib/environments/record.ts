import "server-only";
import { z } from "zod";
import type { CredentialsView, Environment } from "@/lib/environments/schema";

/**
 * The stored shape of an environment in the registry table (pk "ENV", sk name).
 * A secret access key is stored only sealed (AES-256-GCM, see lib/crypto).
 */
export const storedCredentialsSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("default") }),
  z.object({ type: z.literal("profile"), profile: z.string() }),
  z.object({ type: z.literal("keys"), accessKeyId: z.string(), secretSealed: z.string() }),
  z.object({ type: z.literal("assume-role"), roleArn: z.string(), externalId: z.string().optional() }),
]);
export type StoredCredentials = z.infer<typeof storedCredentialsSchema>;

export const environmentRecordSchema = z.object({
  name: z.string(),
  region: z.string(),
  accountId: z.string().optional(),
  credentials: storedCredentialsSchema,
  endpoint: z.string().optional(),
  appApiUrl: z.string().optional(),
  appFunctionArn: z.string().optional(),
  sesSender: z.string().optional(),
  description: z.string().optional(),
  readCapacity: z.number().int().optional(),
  writeCapacity: z.number().int().optional(),
  /** Languages of multilingual document fields, first is the default; absent means ["en"]. */
  languages: z.array(z.string()).optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.number().int(),
});
export type EnvironmentRecord = z.infer<typeof environmentRecordSchema>;

export const ENV_PK = "ENV";

export const DEFAULT_LANGUAGES: readonly string[] = ["en"];

export function languagesOf(record: Pick<EnvironmentRecord, "languages">): string[] {
  return record.languages?.length ? [...record.languages] : [...DEFAULT_LANGUAGES];
}

export function environmentKey(name: string) {
  return { pk: ENV_PK, sk: name };
}

export function itemFromRecord(record: EnvironmentRecord): Record<string, unknown> {
  return { ...environmentKey(record.name), kind: "environment", ...record };
}

export function recordFromItem(item: Record<string, unknown> | undefined): EnvironmentRecord | undefined {
  if (!item) return undefined;
  const parsed = environmentRecordSchema.safeParse(item);
  return parsed.success ? parsed.data : undefined;
}

function credentialsView(c: StoredCredentials): CredentialsView {
  switch (c.type) {
    case "default":
      return { type: "default" };
    case "profile":
      return { type: "profile", profile: c.profile };
    case "keys":
      return { type: "keys", accessKeyIdLast4: c.accessKeyId.slice(-4), hasSecret: c.secretSealed.length > 0 };
    case "assume-role":
      return { type: "assume-role", roleArn: c.roleArn, externalId: c.externalId ?? null };
  }
}

/** What the API returns: everything but secrets, with the key id cut to its last four characters. */
export function toView(record: EnvironmentRecord): Environment {
  return {
    name: record.name,
    region: record.region,
    accountId: record.accountId ?? null,
    credentials: credentialsView(record.credentials),
    endpoint: record.endpoint ?? null,
    appApiUrl: record.appApiUrl ?? null,
    appFunctionArn: record.appFunctionArn ?? null,
    sesSender: record.sesSender ?? null,
    description: record.description ?? null,
    readCapacity: record.readCapacity ?? null,
    writeCapacity: record.writeCapacity ?? null,
    languages: languagesOf(record),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    version: record.version,
  };
}
