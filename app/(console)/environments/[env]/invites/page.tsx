import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { BulkInvite } from "@/components/invites/bulk-invite";
import { InviteDialog } from "@/components/entities/lazy-dialogs";
import { InviteLedger } from "@/components/invites/invite-ledger";
import { Reconciliation } from "@/components/invites/reconciliation";
import { PageHeader } from "@/components/ui/page-header";
import { pageHasRole } from "@/lib/auth/page-role";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Invites · ${(await params).env}` };
}

export default async function InvitesPage({ params }: Props) {
  const { env } = await params;
  const canManage = await pageHasRole("admin", env);
  return (
    <>
      <PageHeader
        title={`Invites of ${env}`}
        description="TankTower users invited by email: pending, accepted, expired, failed and revoked."
        actions={
          <>
            <Link href={`/environments/${env}/entities`} className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">Entities</Link>
            {canManage ? <InviteDialog env={env} /> : null}
          </>
        }
      />
      <div className="flex flex-col gap-8">
        <InviteLedger env={env} canManage={canManage} />
        {canManage ? (
          <Suspense>
            <BulkInvite env={env} />
          </Suspense>
        ) : null}
        {canManage ? <Reconciliation env={env} /> : null}
      </div>
    </>
  );
}
