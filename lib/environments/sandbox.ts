import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { homeClients } from "@/lib/aws/clients";
import { config } from "@/lib/config/env";
import { findEnvironment } from "@/lib/environments/read";
import { createEnvironment } from "@/lib/environments/write";

export const SANDBOX_ENVIRONMENT = "sandbox";
/** The sandbox operator's display name, so what they trigger shows a name as its author. */
export const SANDBOX_OPERATOR_NAME = "Sandbox Operator";

/**
 * The pre-registered `sandbox` environment: the console's own account and
 * endpoint (the emulator, through standard SDK configuration), default chain.
 */
export async function ensureSandboxEnvironment(actor: string): Promise<{ created: boolean }> {
  if (await findEnvironment(SANDBOX_ENVIRONMENT)) return { created: false };
  const identity = await homeClients().sts.send(new GetCallerIdentityCommand({}));
  await createEnvironment(
    {
      name: SANDBOX_ENVIRONMENT,
      region: config().homeRegion,
      accountId: identity.Account,
      credentials: { type: "default" },
      sesSender: "no-reply@sandbox.tanktower.local",
      description: "The local AWS emulator that npm run dev starts.",
      // Two languages, so the example blueprints' multilingual fields show what they do.
      languages: ["en", "fr"],
    },
    actor,
  );
  return { created: true };
}
