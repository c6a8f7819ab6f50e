import type { Metadata } from "next";
import { ProvisioningPage } from "@/components/provisioning/provisioning-page";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Provisioning ${(await params).env}` };
}

export default async function Page({ params }: Props) {
  return <ProvisioningPage env={(await params).env} />;
}
