import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { consoleSecret } from "@/lib/config/env";

/**
 * AES-256-GCM sealing with keys derived (HKDF-SHA256) from TT_CONSOLE_SECRET.
 * Each purpose gets its own key, so a session cookie can never be replayed as
 * a stored secret or the other way round. Format: v1.<iv>.<ciphertext+tag>, base64url.
 */
export type KeyPurpose = "session-cookie" | "registry-secrets";

const keys = new Map<KeyPurpose, Buffer>();

function keyFor(purpose: KeyPurpose): Buffer {
  const existing = keys.get(purpose);
  if (existing) return existing;
  const derived = Buffer.from(hkdfSync("sha256", consoleSecret(), "tanktower-console", `tt:${purpose}:v1`, 32));
  keys.set(purpose, derived);
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
  const [version, ivPart, bodyPart] = sealed.split(".");
  if (version !== "v1" || !ivPart || !bodyPart) return undefined;
  try {
    const iv = Buffer.from(ivPart, "base64url");
    const body = Buffer.from(bodyPart, "base64url");
    if (iv.length !== 12 || body.length < 17) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), iv);
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
