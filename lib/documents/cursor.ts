import "server-only";
import { ValidationError } from "@/lib/http/errors";
import { decodeCursor } from "@/lib/registry/table";
import { INDEX_KEY_ATTRIBUTES } from "@/lib/documents/keys";

export { encodeCursor } from "@/lib/registry/table";

/**
 * A cursor of a document list is the base64url LastEvaluatedKey of one index
 * Query. On the way back it must name only that index's key attributes, the
 * same portfolio and a key of the same blueprint, so a forged or mixed-up
 * cursor is a 400 rather than a read elsewhere.
 */
export function decodeDataCursor(
  cursor: string | undefined,
  index: keyof typeof INDEX_KEY_ATTRIBUTES,
  portfolio: string,
  prefix: string,
): Record<string, string> | undefined {
  const key = decodeCursor(cursor, INDEX_KEY_ATTRIBUTES[index]);
  if (!key) return undefined;
  const sortKey = key[index];
  if (key.portfolio_index !== portfolio || sortKey === undefined || !sortKey.startsWith(prefix)) {
    throw ValidationError.forField("cursor", "The cursor belongs to another list; start again from the first page.");
  }
  return key;
}
