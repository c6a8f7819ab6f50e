import type { Metadata } from "next";
import { Mailbox } from "@/components/mailbox/mailbox";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { pageHasRole } from "@/lib/auth/page-role";
import { mailboxAvailable } from "@/lib/mailbox/read";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  if (!mailboxAvailable()) return <Alert tone="info">The mailbox exists only in sandbox mode: on AWS, emails go to their recipients.</Alert>;
  if (!(await pageHasRole("operator"))) return <Alert tone="error">Only operators read the sandbox mailbox.</Alert>;
  return (
    <>
      <PageHeader title="Mailbox" description="Emails the sandbox's SES accepted, newest first. Nothing leaves this machine." />
      <Mailbox />
    </>
  );
}
