import type { Metadata } from "next";
import { TokensPage } from "@/components/jobs/tokens-page";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `API tokens of ${(await params).env}` };
}

export default async function Page({ params }: Props) {
  return <TokensPage env={(await params).env} />;
}
