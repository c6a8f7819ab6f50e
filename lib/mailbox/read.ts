import "server-only";
import { config } from "@/lib/config/env";
import { NotConfiguredError, NotFoundError, UpstreamError } from "@/lib/http/errors";
import { parseMotoMailbox } from "@/lib/mailbox/parse";
import type { Mail } from "@/lib/mailbox/schema";

/**
 * Sandbox only: the emulator keeps every message its SES accepted, and the
 * Mailbox page shows them so an invite can be followed locally. On real AWS
 * there is no such thing to read, and this refuses.
 */
const MAILBOX_TIMEOUT_MS = 10_000;

export function mailboxAvailable(): boolean {
  return config().mode === "sandbox" && Boolean(config().endpointUrl);
}

export async function readMailbox(to?: string): Promise<Mail[]> {
  if (config().mode !== "sandbox") throw new NotFoundError("The mailbox exists only in sandbox mode.");
  const endpoint = config().endpointUrl;
  if (!endpoint) throw new NotConfiguredError("The sandbox has no emulator endpoint (AWS_ENDPOINT_URL).");
  let data: unknown;
  try {
    // moto dumps its whole state here, which a busy sandbox makes slow; the sandbox emulator dumps only the
    // services named (scripts/sandbox/state_dump.py; moto as it is ignores `service` and dumps all).
    // Either way, give up well before a client would.
    const res = await fetch(`${endpoint.replace(/\/+$/, "")}/moto-api/data.json?service=ses`, { cache: "no-store", signal: AbortSignal.timeout(MAILBOX_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`status ${res.status}`);
    data = await res.json();
  } catch {
    throw new UpstreamError("Could not read the emulator's mailbox.");
  }
  const mails = parseMotoMailbox(data);
  return to ? mails.filter((m) => m.to.some((t) => t.toLowerCase() === to)) : mails;
}
