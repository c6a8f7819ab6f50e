import type { Metadata } from "next";
import { Suspense } from "react";
import { EntityBrowser } from "@/components/entities/entity-browser";
import { pageHasRole } from "@/lib/auth/page-role";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Entities · ${(await params).env}` };
}

export default async function EnvironmentEntitiesPage({ params }: Props) {
  const { env } = await params;
  return (
    <Suspense>
      <EntityBrowser env={env} canManage={await pageHasRole("admin", env)} />
    </Suspense>
  );
}
