import { z } from "zod";

/** Emails the sandbox emulator's SES accepted, newest first. Isomorphic. */
export const mailSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  format: z.enum(["html", "text"]),
});
export type Mail = z.infer<typeof mailSchema>;

export const mailboxSchema = z.object({ items: z.array(mailSchema) });
export const mailboxQuerySchema = z.object({ to: z.string().trim().toLowerCase().max(254).optional() });
