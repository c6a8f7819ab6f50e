import type { Mail } from "@/lib/mailbox/schema";

/**
 * The emulator's record of sent SES messages (moto's /moto-api/data.json,
 * `ses.Message`: insertion order, no timestamps), newest first. Pure.
 */
type Raw = { id?: unknown; source?: unknown; subject?: unknown; body?: unknown; destinations?: { ToAddresses?: unknown; CcAddresses?: unknown; BccAddresses?: unknown } };

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export function parseMotoMailbox(data: unknown): Mail[] {
  const ses = (data as { ses?: { Message?: unknown } } | null)?.ses;
  const messages = Array.isArray(ses?.Message) ? (ses.Message as Raw[]) : [];
  return messages
    .map((m, i): Mail => {
      const body = typeof m.body === "string" ? m.body : "";
      return {
        id: typeof m.id === "string" ? m.id : String(i),
        from: typeof m.source === "string" ? m.source : "",
        to: [...strings(m.destinations?.ToAddresses), ...strings(m.destinations?.CcAddresses), ...strings(m.destinations?.BccAddresses)],
        subject: typeof m.subject === "string" ? m.subject : "",
        body,
        format: /^\s*<(!doctype|html|body|p|div|table)\b/i.test(body) ? "html" : "text",
      };
    })
    .reverse();
}
