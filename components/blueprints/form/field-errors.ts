/**
 * react-hook-form keeps a field's errors in the shape of its value: a message
 * on a plain value, nested under indexes for a list (`tags.1`), languages for
 * a multilingual value (`title.fr`) or `lat`/`lon` for geo. These read that
 * tree without trusting its type.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object";
}

/** The error tree under one key (a list index, a language, "lat"). */
export function subError(error: unknown, key: string | number): unknown {
  return isObject(error) ? error[String(key)] : undefined;
}

/** The message on this node itself, if any. */
export function ownMessage(error: unknown): string | undefined {
  if (!isObject(error)) return undefined;
  const message = error.message;
  return typeof message === "string" && message !== "" ? message : undefined;
}

/** Every message in the tree, own message first. */
export function allMessages(error: unknown, seen?: Set<unknown>): string[] {
  // Most fields have no error: no set, no arrays for them (a long form asks for every field on every render).
  if (!isObject(error)) return [];
  if (seen?.has(error)) return [];
  seen = seen ?? new Set<unknown>();
  seen.add(error);
  const own = ownMessage(error);
  const nested = Object.entries(error)
    .filter(([key]) => key !== "message" && key !== "type" && key !== "ref" && key !== "types" && key !== "root")
    .flatMap(([, value]) => allMessages(value, seen));
  return [...(own ? [own] : []), ...nested];
}
