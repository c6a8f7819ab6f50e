import "server-only";
import { awsErrorCode, awsErrorKind } from "@/lib/aws/errors";

/**
 * The outcome of one read: found, absent, refused (naming the IAM action), or
 * failed. The checklist turns these into done / missing / blocked rows.
 */
export type Probe<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "missing" }
  | { ok: false; reason: "denied"; action: string }
  | { ok: false; reason: "error"; code: string };

export function classify(err: unknown, action: string): Exclude<Probe<never>, { ok: true }> {
  const kind = awsErrorKind(err);
  if (kind === "denied") return { ok: false, reason: "denied", action };
  if (kind === "missing") return { ok: false, reason: "missing" };
  return { ok: false, reason: "error", code: awsErrorCode(err) ?? "UnknownError" };
}

/** Runs a read; `undefined` from the reader also means missing. */
export async function probe<T>(action: string, read: () => Promise<T | undefined>): Promise<Probe<T>> {
  try {
    const value = await read();
    return value === undefined ? { ok: false, reason: "missing" } : { ok: true, value };
  } catch (err) {
    return classify(err, action);
  }
}

export function valueOf<T>(p: Probe<T>): T | undefined {
  return p.ok ? p.value : undefined;
}
