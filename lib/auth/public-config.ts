import "server-only";
import { cognitoEndpoint, consoleAuthSettings } from "@/lib/auth/console-settings";
import type { AuthConfig } from "@/lib/auth/schema";
import { config } from "@/lib/config/env";

/** What the browser needs to sign in: public identifiers only (the app client has no secret). */
export async function publicAuthConfig(): Promise<AuthConfig> {
  const settings = await consoleAuthSettings();
  return {
    region: settings.region,
    userPoolId: settings.userPoolId,
    clientId: settings.clientId,
    endpoint: `${cognitoEndpoint(settings.region)}/`,
    mode: config().mode,
  };
}
