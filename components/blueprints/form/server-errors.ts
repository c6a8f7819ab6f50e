import type { UseFormSetError } from "react-hook-form";
import { ApiError } from "@/lib/http/client";

/**
 * Puts a 400 answer's field errors on the form. Keys are document paths as
 * the shared schema names them (`title`, `tags.1`, `summary.fr`, `place.lat`),
 * possibly under the request's `values.`; nested ones land on their item or
 * language, since the rows read errors in the value's shape. Returns the
 * message for the form-level alert.
 */
export function applyDocumentErrors(err: unknown, setError: UseFormSetError<Record<string, unknown>>, fieldNames: ReadonlySet<string>): string {
  if (!(err instanceof ApiError)) return "Something went wrong. Try again.";
  for (const [key, messages] of Object.entries(err.fieldErrors)) {
    const path = key.startsWith("values.") ? key.slice("values.".length) : key;
    const top = path.split(".")[0] ?? "";
    if (fieldNames.has(top) && messages[0]) setError(path, { type: "server", message: messages[0] });
  }
  return err.message;
}
