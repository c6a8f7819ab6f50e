import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError } from "@/lib/http/client";

/**
 * Puts a 400/409 answer's field errors on the form's fields; returns the
 * message for the form-level alert, or "" when every error is already shown
 * next to its field (one error is said once, not twice).
 */
export function applyServerErrors<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string {
  if (!(err instanceof ApiError)) return "Something went wrong. Try again.";
  let placed = 0;
  let unplaced = 0;
  for (const [field, messages] of Object.entries(err.fieldErrors)) {
    if (fields.includes(field) && messages[0]) {
      setError(field as Path<T>, { type: "server", message: messages[0] });
      placed++;
    } else {
      unplaced++;
    }
  }
  return placed > 0 && unplaced === 0 ? "" : err.message;
}
