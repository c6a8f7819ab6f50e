import "server-only";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { toUpstreamError } from "@/lib/aws/errors";
import { config } from "@/lib/config/env";
import { NotConfiguredError } from "@/lib/http/errors";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";

/** Where the console's own sign-in lives: recorded by `tt console init`. */
export type ConsoleAuthSettings = { userPoolId: string; clientId: string; region: string };

const KEY = { pk: "CONSOLE", sk: "auth" } as const;
const TTL_MS = 60_000;
let cached: { value: ConsoleAuthSettings; at: number } | undefined;

export async function readConsoleAuthSettings(): Promise<ConsoleAuthSettings | undefined> {
  const cfg = config();
  if (cfg.userPoolIdOverride && cfg.clientIdOverride) {
    const region = cfg.userPoolIdOverride.split("_")[0] ?? cfg.homeRegion;
    return { userPoolId: cfg.userPoolIdOverride, clientId: cfg.clientIdOverride, region };
  }
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  await ensureRegistryTable();
  try {
    const out = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: KEY }));
    const item = out.Item;
    if (!item || typeof item.userPoolId !== "string" || typeof item.clientId !== "string") return undefined;
    const value = { userPoolId: item.userPoolId, clientId: item.clientId, region: String(item.region ?? cfg.homeRegion) };
    cached = { value, at: Date.now() };
    return value;
  } catch (err) {
    throw toUpstreamError(err, "reading the console settings");
  }
}

export async function consoleAuthSettings(): Promise<ConsoleAuthSettings> {
  const settings = await readConsoleAuthSettings();
  if (!settings) {
    throw new NotConfiguredError(
      "Console sign-in is not set up yet. Run `npm run tt -- console init --admin-email you@example.com`.",
    );
  }
  return settings;
}

export async function writeConsoleAuthSettings(value: ConsoleAuthSettings): Promise<void> {
  await ensureRegistryTable();
  await homeClients().documents.send(
    new PutCommand({
      TableName: registryTableName(),
      Item: { ...KEY, ...value, updatedAt: new Date().toISOString() },
    }),
  );
  cached = { value, at: Date.now() };
}

/** The Cognito endpoint the browser and the JWKS fetch use: standard SDK configuration, or AWS's public one. */
export function cognitoEndpoint(region: string): string {
  const custom = config().cognitoEndpointUrl;
  return (custom ?? `https://cognito-idp.${region}.amazonaws.com`).replace(/\/+$/, "");
}
