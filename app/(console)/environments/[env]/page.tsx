import type { Metadata } from "next";
import { EnvironmentDetail } from "@/components/environments/environment-detail";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).env };
}

export default async function EnvironmentPage({ params }: Props) {
  return <EnvironmentDetail name={(await params).env} />;
}
