/**
 * DynamoDB item sizes, computed the way DynamoDB bills and limits them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
 * attribute names and string values count their UTF-8 bytes, a number about
 * one byte per two significant digits plus one, booleans and nulls one byte,
 * lists and maps three bytes plus one per element. Isomorphic and pure, so
 * the editor shows the same number the server enforces.
 */

/** The hard limit of one DynamoDB item. */
export const DYNAMODB_ITEM_LIMIT = 400 * 1024;

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

function numberSize(n: number): number {
  const digits = Math.abs(n)
    .toExponential()
    .replace(/e.*$/, "")
    .replace(".", "")
    .replace(/0+$/, "");
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

/** Size of one attribute value (without its name). */
export function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === "boolean") return 1;
  if (typeof value === "string") return utf8Bytes(value);
  if (typeof value === "number") return numberSize(value);
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === "object") {
    return 3 + Object.entries(value).reduce<number>((sum, [k, v]) => sum + 1 + utf8Bytes(k) + valueSize(v), 0);
  }
  return utf8Bytes(String(value));
}

/** Size of a whole item: each top-level attribute's name plus its value. */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [k, v]) => sum + utf8Bytes(k) + valueSize(v), 0);
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}
