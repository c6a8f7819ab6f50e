import type { Metadata } from "next";
import { ProvisioningPage } from "@/components/provisioning/provisioning-page";

type Props = { params: Promise<{ env: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Provisioning ${(await params).env}` };
}

export default async function Page({ params, searchParams }: Props) {
  const query = await searchParams;
  return <ProvisioningPage env={(await params).env} created={query.created === "1"} autoPlan={query.plan === "1"} />;
}
