import { defineOperation } from "@/lib/http/operation";
import { mailboxQuerySchema, mailboxSchema } from "@/lib/mailbox/schema";

export const readMailboxOp = defineOperation({
  id: "readMailbox",
  method: "GET",
  path: "/api/mailbox",
  summary: "Sandbox only: the emails the emulator's SES accepted, newest first",
  tag: "Sandbox",
  role: "operator",
  query: mailboxQuerySchema,
  response: mailboxSchema,
});
