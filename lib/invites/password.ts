import { randomInt } from "node:crypto";

/**
 * A temporary password that meets a Cognito pool's PasswordPolicy (read with
 * DescribeUserPool). At least 16 characters whatever the minimum, one of each
 * required class, the rest from all allowed classes, shuffled with a CSPRNG.
 * The symbols are a subset of Cognito's that reads unambiguously in an email.
 */
export type PasswordPolicy = {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
};

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "!#%+-=?@^_";

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)] ?? alphabet[0] ?? "";
}

export function temporaryPassword(policy: PasswordPolicy = {}): string {
  const length = Math.max(16, policy.MinimumLength ?? 8);
  // Every class is used so that a policy read wrongly (or changed later) still accepts it.
  const classes = [UPPER, LOWER, DIGITS, SYMBOLS];
  const chars = classes.map(pick);
  const all = classes.join("");
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? "", chars[i] ?? ""];
  }
  return chars.join("");
}

/** Whether a password satisfies a policy (used by tests and as a guard before sending). */
export function meetsPolicy(password: string, policy: PasswordPolicy): boolean {
  if (password.length < (policy.MinimumLength ?? 8)) return false;
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return false;
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return false;
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return false;
  if (policy.RequireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(password)) return false;
  return true;
}
