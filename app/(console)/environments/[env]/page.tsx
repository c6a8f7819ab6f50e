import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pageHasRole } from "@/lib/auth/page-role";
import { EnvironmentDetail } from "@/components/environments/environment-detail";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).env };
}

export default async function EnvironmentPage({ params }: Props) {
  const { env } = await params;
  // Environment admins and viewers work on the environment's people, not on its registry entry.
  if (!(await pageHasRole("operator"))) redirect(`/environments/${env}/entities`);
  return <EnvironmentDetail name={env} />;
}
