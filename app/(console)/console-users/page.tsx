import type { Metadata } from "next";
import { ConsoleUsers } from "@/components/console-users/console-users";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { pageHasRole } from "@/lib/auth/page-role";

export const metadata: Metadata = { title: "Console users" };

export default async function ConsoleUsersPage() {
  if (!(await pageHasRole("operator"))) return <Alert tone="error">Only operators manage console users.</Alert>;
  return (
    <>
      <PageHeader title="Console users" description="People who administer or view one environment in this console. Operators are managed with `tt console`." />
      <ConsoleUsers />
    </>
  );
}
