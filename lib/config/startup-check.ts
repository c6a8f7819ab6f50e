/**
 * What the server checks before it takes its first request (instrumentation.ts).
 * In AWS mode the console holds other accounts' admin credentials sealed with
 * keys derived from TT_CONSOLE_SECRET, so it refuses to start with a weak or
 * placeholder secret, or with settings that only make sense against the local
 * sandbox. Pure: takes the environment, returns what is wrong.
 */

const PLACEHOLDERS = ["changeme", "change-me", "change_me", "placeholder", "example", "replace", "your-secret", "yoursecret", "secret-here", "dummy", "sample", "default", "password", "xxxxxxxx", "todo"];

/** Distinct 4-character sequences over all of them: a repeated word or pattern scores low, random text near 1. */
function variety(value: string): number {
  const grams = new Set<string>();
  const total = value.length - 3;
  for (let i = 0; i < total; i++) grams.add(value.slice(i, i + 4));
  return total > 0 ? grams.size / total : 0;
}

export const MIN_SECRET_LENGTH = 32;
const MIN_DISTINCT_CHARACTERS = 10;
const MIN_VARIETY = 0.6;

/** Why a secret is not good enough, or undefined when it is. Never echoes the secret. */
export function secretWeakness(secret: string | undefined): string | undefined {
  if (!secret) return "TT_CONSOLE_SECRET is not set";
  if (secret.length < MIN_SECRET_LENGTH) return `TT_CONSOLE_SECRET is shorter than ${MIN_SECRET_LENGTH} characters`;
  const lower = secret.toLowerCase();
  const placeholder = PLACEHOLDERS.find((p) => lower.includes(p));
  if (placeholder) return `TT_CONSOLE_SECRET looks like a placeholder (it contains "${placeholder}")`;
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS) return `TT_CONSOLE_SECRET uses fewer than ${MIN_DISTINCT_CHARACTERS} distinct characters`;
  if (variety(secret) < MIN_VARIETY) return "TT_CONSOLE_SECRET repeats itself (a word or pattern over and over)";
  return undefined;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/i;
/** Access keys the local emulator (moto) accepts; never real ones. */
const EMULATOR_KEYS = new Set(["test", "testing", "fake", "dummy"]);

/** Everything that stops the server from starting, as sentences for the log. Empty means start. */
export function startupProblems(env: Record<string, string | undefined>): string[] {
  const mode = env.TT_MODE || "aws";
  if (mode !== "aws") return [];
  const problems: string[] = [];
  const weakness = secretWeakness(env.TT_CONSOLE_SECRET || undefined);
  if (weakness) {
    problems.push(`${weakness}. Generate one with \`openssl rand -base64 48\` and keep it in a secret store (docs/deploy.md).`);
  }
  // The launcher's own settings (TT_SANDBOX_PORT, TT_SANDBOX_DIR) do not reach the product; these do.
  for (const name of ["TT_SANDBOX_OPERATOR_EMAIL", "TT_SANDBOX_OPERATOR_PASSWORD"]) {
    if (env[name]) problems.push(`${name} is a sandbox setting; unset it in AWS mode.`);
  }
  for (const [name, value] of Object.entries(env)) {
    if (!value || !(name === "AWS_ENDPOINT_URL" || name.startsWith("AWS_ENDPOINT_URL_"))) continue;
    let host = "";
    try {
      host = new URL(value).hostname;
    } catch {
      continue; // lib/config/env.ts reports a malformed URL
    }
    if (LOOPBACK.test(host)) problems.push(`${name} points at ${host}, a local emulator; unset it in AWS mode (or use TT_MODE=sandbox).`);
  }
  if (env.AWS_ACCESS_KEY_ID && EMULATOR_KEYS.has(env.AWS_ACCESS_KEY_ID.toLowerCase())) {
    problems.push("AWS_ACCESS_KEY_ID is the local emulator's placeholder key; give the server a task role instead (docs/deploy.md).");
  }
  return problems;
}
