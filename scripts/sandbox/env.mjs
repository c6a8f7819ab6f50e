// Sandbox settings for the launcher scripts, and the environment that points a
// console process (next dev, `npm run tt`) at the local emulator instead of AWS.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * @typedef {object} SandboxConfig
 * @property {number} emulatorPort  TT_SANDBOX_PORT, default 4566
 * @property {string} stateDir      TT_SANDBOX_DIR, default <repo>/.sandbox
 * @property {number} consolePort   PORT, default 3000
 * @property {string} operatorEmail    TT_SANDBOX_OPERATOR_EMAIL
 * @property {string} operatorPassword TT_SANDBOX_OPERATOR_PASSWORD
 */

/**
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {SandboxConfig}
 */
export function sandboxConfig(env = process.env) {
  return {
    emulatorPort: portFrom(env, "TT_SANDBOX_PORT", 4566),
    stateDir: path.resolve(env.TT_SANDBOX_DIR || path.join(repoRoot, ".sandbox")),
    consolePort: portFrom(env, "PORT", 3000),
    operatorEmail: env.TT_SANDBOX_OPERATOR_EMAIL || "operator@sandbox.tanktower.local",
    operatorPassword: env.TT_SANDBOX_OPERATOR_PASSWORD || "Sandbox-Operator-1",
  };
}

/**
 * The full environment for a console process in sandbox mode: the caller's
 * environment, pointed at the emulator, with every way the AWS SDK could pick up a
 * developer's real account (profiles, ~/.aws, session tokens, per-service endpoints)
 * taken away.
 * @param {{ emulatorUrl: string, stateDir: string }} sandbox
 * @param {NodeJS.ProcessEnv} [base]
 * @returns {NodeJS.ProcessEnv}
 */
export function sandboxProcessEnv({ emulatorUrl, stateDir }, base = process.env) {
  const config = sandboxConfig(base);
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...base };
  for (const name of Object.keys(env)) {
    if (name.startsWith("AWS_ENDPOINT_URL_")) delete env[name];
  }
  for (const name of ["AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
    "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]) {
    delete env[name];
  }
  const noFile = path.join(stateDir, "no-aws-config"); // never created: the SDK reads no profile
  return {
    ...env,
    AWS_ENDPOINT_URL: emulatorUrl,
    AWS_REGION: "us-east-1", // the sandbox is always us-east-1, whatever the shell says
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_CONFIG_FILE: noFile,
    AWS_SHARED_CREDENTIALS_FILE: noFile,
    AWS_EC2_METADATA_DISABLED: "true",
    TT_MODE: "sandbox",
    TT_SANDBOX_DIR: stateDir,
    TT_CONSOLE_SECRET: consoleSecret(stateDir),
    TT_SANDBOX_OPERATOR_EMAIL: config.operatorEmail,
    TT_SANDBOX_OPERATOR_PASSWORD: config.operatorPassword,
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

/**
 * The console's signing secret lives with the sandbox state, so wiping the state
 * also invalidates old sessions.
 * @param {string} stateDir
 * @returns {string}
 */
function consoleSecret(stateDir) {
  const file = path.join(stateDir, "console-secret");
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) {
    throw new Error(`${file} holds no usable secret (32+ characters); \`npm run sandbox:reset\` starts over`);
  }
  return secret;
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function portFrom(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}=${raw} is not a TCP port (1-65535)`);
  }
  return port;
}
