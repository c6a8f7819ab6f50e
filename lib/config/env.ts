import "server-only";
import { z } from "zod";

/**
 * The console's configuration, parsed once from process.env.
 * Nothing else in the product reads process.env: AWS endpoints, regions and
 * credentials are left to the SDK's standard configuration (AWS_ENDPOINT_URL,
 * AWS_REGION, AWS_PROFILE, ...), which this module only mirrors for display.
 */
const schema = z.object({
  TT_MODE: z.enum(["sandbox", "aws"]).default("aws"),
  TT_CONSOLE_TABLE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, "TT_CONSOLE_TABLE must be a valid DynamoDB table name")
    .default("tanktower_console"),
  TT_CONSOLE_SECRET: z.string().min(32, "TT_CONSOLE_SECRET must be at least 32 characters").optional(),
  TT_CONSOLE_USER_POOL_ID: z.string().optional(),
  TT_CONSOLE_CLIENT_ID: z.string().optional(),
  TT_CONSOLE_POOL_NAME: z.string().default("tanktower-console"),
  TT_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** The verified SES sender of the console's own emails (environment admin and viewer invitations). */
  TT_CONSOLE_EMAIL_SENDER: z.string().optional(),
  TT_SANDBOX_OPERATOR_EMAIL: z.string().default("operator@sandbox.tanktower.local"),
  TT_SANDBOX_OPERATOR_PASSWORD: z.string().default("Sandbox-Operator-1"),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  AWS_ENDPOINT_URL: z.url().optional(),
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: z.url().optional(),
  NODE_ENV: z.string().default("development"),
});

export type ConsoleConfig = {
  mode: "sandbox" | "aws";
  tableName: string;
  homeRegion: string;
  /** The endpoint override from standard SDK configuration, if any. */
  endpointUrl: string | undefined;
  cognitoEndpointUrl: string | undefined;
  poolName: string;
  userPoolIdOverride: string | undefined;
  clientIdOverride: string | undefined;
  sessionMaxHours: number;
  sandboxOperator: { email: string; password: string };
  /** Sender of the console's own emails; the sandbox environment's (verified) sender in sandbox mode. */
  consoleEmailSender: string | undefined;
  production: boolean;
};

let cached: ConsoleConfig | undefined;

function emptyToUndefined(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}

export function config(): ConsoleConfig {
  if (cached) return cached;
  const parsed = schema.safeParse(emptyToUndefined(process.env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid console configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  cached = {
    mode: e.TT_MODE,
    tableName: e.TT_CONSOLE_TABLE,
    homeRegion: e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? "us-east-1",
    endpointUrl: e.AWS_ENDPOINT_URL,
    cognitoEndpointUrl: e.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ?? e.AWS_ENDPOINT_URL,
    poolName: e.TT_CONSOLE_POOL_NAME,
    userPoolIdOverride: e.TT_CONSOLE_USER_POOL_ID,
    clientIdOverride: e.TT_CONSOLE_CLIENT_ID,
    sessionMaxHours: e.TT_SESSION_MAX_HOURS,
    sandboxOperator: { email: e.TT_SANDBOX_OPERATOR_EMAIL, password: e.TT_SANDBOX_OPERATOR_PASSWORD },
    consoleEmailSender: e.TT_CONSOLE_EMAIL_SENDER ?? (e.TT_MODE === "sandbox" ? "no-reply@sandbox.tanktower.local" : undefined),
    production: e.NODE_ENV === "production",
  };
  return cached;
}

/**
 * The root secret for session and at-rest encryption keys. Read separately so
 * it never sits in the config object that might be logged or serialised.
 */
export function consoleSecret(): string {
  const value = process.env.TT_CONSOLE_SECRET;
  if (!value || value.length < 32) {
    throw new Error(
      "TT_CONSOLE_SECRET is not set (at least 32 characters). `npm run dev` generates one for the sandbox; set it yourself for real AWS.",
    );
  }
  return value;
}

/** Tests change process.env between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
