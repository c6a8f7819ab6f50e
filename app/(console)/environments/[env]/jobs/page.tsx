import type { Metadata } from "next";
import { Suspense } from "react";
import { JobsDashboard } from "@/components/jobs/jobs-dashboard";
import { peekSession } from "@/lib/auth/request-session";
import { hasRole } from "@/lib/auth/roles";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Jobs of ${(await params).env}` };
}

export default async function Page({ params }: Props) {
  const { env } = await params;
  const session = await peekSession();
  // Only hides buttons a viewer could not use; every API call checks the role again.
  const canWrite = session ? hasRole(session, "admin", env) : false;
  return (
    <Suspense fallback={<p role="status">Loading jobs…</p>}>
      <JobsDashboard env={env} canWrite={canWrite} />
    </Suspense>
  );
}
