import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError } from "@/lib/http/client";

/** Puts a 400/409 answer's field errors on the form's fields; returns the message for the form-level alert. */
export function applyServerErrors<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string {
  if (!(err instanceof ApiError)) return "Something went wrong. Try again.";
  for (const [field, messages] of Object.entries(err.fieldErrors)) {
    if (fields.includes(field) && messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
  }
  return err.message;
}
