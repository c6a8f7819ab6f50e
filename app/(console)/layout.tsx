import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/layout/console-shell";
import { peekSession } from "@/lib/auth/request-session";
import { OPERATORS_GROUP, visibleEnvironments } from "@/lib/auth/roles";
import { config } from "@/lib/config/env";

export const dynamic = "force-dynamic";

/** Pages need a session; every API call they make checks roles again on the server. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await peekSession();
  if (!session) redirect("/sign-in");
  return (
    <ConsoleShell
      email={session.email}
      isOperator={session.groups.includes(OPERATORS_GROUP)}
      hasEnvironmentRole={visibleEnvironments(session) !== "all" && visibleEnvironments(session).length > 0}
      mode={config().mode}
    >
      {children}
    </ConsoleShell>
  );
}
