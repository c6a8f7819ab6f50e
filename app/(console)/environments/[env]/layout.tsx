import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { peekSession } from "@/lib/auth/request-session";
import { effectiveRole } from "@/lib/auth/roles";
import { findEnvironment } from "@/lib/environments/read";
import { ENV_NAME_PATTERN } from "@/lib/environments/schema";

/**
 * An environment's pages answer 404 (inside the console) for a name that cannot
 * be an environment or is not registered, instead of rendering a page whose
 * every request fails. Only callers with a role on the environment learn
 * whether it exists; for others the pages' own API calls answer 403.
 */
export default async function EnvironmentLayout({ children, params }: { children: ReactNode; params: Promise<{ env: string }> }) {
  const { env } = await params;
  if (!ENV_NAME_PATTERN.test(env)) notFound();
  const session = await peekSession();
  if (session && effectiveRole(session, env)) {
    const record = await findEnvironment(env).catch(() => "unreadable" as const);
    // An unreadable registry is the page's to report (with its error state), not a 404.
    if (record === undefined) notFound();
  }
  return children;
}
