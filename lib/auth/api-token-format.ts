import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Personal API tokens: `tt_<id>_<secret>`. The id finds the stored record; only
 * the token's SHA-256 is stored, compared in constant time. Pure (node:crypto).
 */
const TOKEN_FORMAT = /^tt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function newApiToken(): { id: string; token: string; hash: string } {
  const id = randomBytes(8).toString("hex");
  const token = `tt_${id}_${randomBytes(32).toString("base64url")}`;
  return { id, token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenIdOf(token: string): string | undefined {
  return TOKEN_FORMAT.exec(token)?.[1];
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerOf(authorization: string | null): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return m?.[1];
}
