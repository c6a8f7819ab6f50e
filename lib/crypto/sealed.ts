import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { consoleSecret, previousConsoleSecret } from "@/lib/config/env";

/**
 * AES-256-GCM sealing with keys derived (HKDF-SHA256) from TT_CONSOLE_SECRET.
 * Each purpose gets its own key, so a session cookie can never be replayed as
 * a stored secret or the other way round. Format: v1.<iv>.<ciphertext+tag>, base64url.
 * During a rotation, unseal also tries the key of TT_CONSOLE_SECRET_PREVIOUS
 * (`wasPrevious` tells the caller to re-seal).
 */
export type KeyPurpose = "session-cookie" | "registry-secrets";

const keys = new Map<string, Buffer>();

function derive(secret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "tanktower-console", `tt:${purpose}:v1`, 32));
}

function keyFor(purpose: KeyPurpose): Buffer {
  const existing = keys.get(purpose);
  if (existing) return existing;
  const derived = derive(consoleSecret(), purpose);
  keys.set(purpose, derived);
  return derived;
}

function previousKeyFor(purpose: KeyPurpose): Buffer | undefined {
  const secret = previousConsoleSecret();
  if (!secret) return undefined;
  const id = `previous:${purpose}`;
  const existing = keys.get(id);
  if (existing) return existing;
  const derived = derive(secret, purpose);
  keys.set(id, derived);
  return derived;
}

export function seal(purpose: KeyPurpose, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** Returns undefined for anything tampered, truncated or sealed with another key. */
export function unseal(purpose: KeyPurpose, sealed: string): string | undefined {
  return unsealWithRotation(purpose, sealed)?.plaintext;
}

/** Like unseal, and says whether it took the previous secret's key (so the value should be sealed again). */
export function unsealWithRotation(purpose: KeyPurpose, sealed: string): { plaintext: string; wasPrevious: boolean } | undefined {
  const current = open(keyFor(purpose), purpose, sealed);
  if (current !== undefined) return { plaintext: current, wasPrevious: false };
  const previousKey = previousKeyFor(purpose);
  const previous = previousKey ? open(previousKey, purpose, sealed) : undefined;
  return previous === undefined ? undefined : { plaintext: previous, wasPrevious: true };
}

function open(key: Buffer, purpose: KeyPurpose, sealed: string): string | undefined {
  const [version, ivPart, bodyPart] = sealed.split(".");
  if (version !== "v1" || !ivPart || !bodyPart) return undefined;
  try {
    const iv = Buffer.from(ivPart, "base64url");
    const body = Buffer.from(bodyPart, "base64url");
    if (iv.length !== 12 || body.length < 17) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

export function resetKeysForTests(): void {
  keys.clear();
}
