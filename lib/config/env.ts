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
  TT_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(25),
  /** Seconds between two sweeps failing orphaned job runs (lib/jobs/orphan-sweep.ts); 0 turns the sweep off. */
  TT_ORPHAN_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** The verified SES sender of the console's own emails (environment admin and viewer invitations). */
  TT_CONSOLE_EMAIL_SENDER: z.string().optional(),
  TT_SANDBOX_OPERATOR_EMAIL: z.string().default("operator@sandbox.tanktower.local"),
  TT_SANDBOX_OPERATOR_PASSWORD: z.string().default("Sandbox-Operator-1"),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  AWS_ENDPOINT_URL: z.url().optional(),
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: z.url().optional(),
  /**
   * "true" when the console sits behind a reverse proxy that sets
   * X-Forwarded-Host/-Proto itself (overwriting what clients send). Otherwise
   * those headers come from the client and are ignored.
   */
  TT_TRUST_PROXY: z.enum(["true", "false", "1", "0"], { error: "TT_TRUST_PROXY must be true or false" }).default("false"),
  /** The origin browsers use to reach the console (https://console.example.com); the Origin check compares against it. */
  TT_PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/, error: "TT_PUBLIC_ORIGIN must be an http(s) origin such as https://console.example.com" })
    .transform((v) => new URL(v).origin)
    .optional(),
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
  /** How long a stopping server (SIGTERM) lets running applies finish their steps in flight. */
  shutdownGraceMs: number;
  /** Interval of the orphaned-run sweep; 0 when it is off. */
  orphanSweepMs: number;
  sandboxOperator: { email: string; password: string };
  /** Sender of the console's own emails; the sandbox environment's (verified) sender in sandbox mode. */
  consoleEmailSender: string | undefined;
  production: boolean;
  /** Forwarded headers are set by a trusted reverse proxy (TT_TRUST_PROXY). */
  trustProxy: boolean;
  /** The configured public origin (TT_PUBLIC_ORIGIN), if any. */
  publicOrigin: string | undefined;
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
    shutdownGraceMs: e.TT_SHUTDOWN_GRACE_SECONDS * 1000,
    orphanSweepMs: e.TT_ORPHAN_SWEEP_SECONDS * 1000,
    sandboxOperator: { email: e.TT_SANDBOX_OPERATOR_EMAIL, password: e.TT_SANDBOX_OPERATOR_PASSWORD },
    consoleEmailSender: e.TT_CONSOLE_EMAIL_SENDER ?? (e.TT_MODE === "sandbox" ? "no-reply@sandbox.tanktower.local" : undefined),
    production: e.NODE_ENV === "production",
    trustProxy: e.TT_TRUST_PROXY === "true" || e.TT_TRUST_PROXY === "1",
    publicOrigin: e.TT_PUBLIC_ORIGIN,
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

/**
 * The secret being rotated out (docs/deploy.md, "Rotating TT_CONSOLE_SECRET"):
 * what was sealed with it still opens until it is re-sealed; nothing new is
 * sealed with it.
 */
export function previousConsoleSecret(): string | undefined {
  const value = process.env.TT_CONSOLE_SECRET_PREVIOUS;
  return value && value.length >= 32 ? value : undefined;
}

/** Tests change process.env between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
