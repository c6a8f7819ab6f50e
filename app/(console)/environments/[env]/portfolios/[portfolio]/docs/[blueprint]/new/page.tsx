import type { Metadata } from "next";
import { NewDocument } from "@/components/documents/document-editor";

type Props = { params: Promise<{ env: string; portfolio: string; blueprint: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `New ${(await params).blueprint} document` };
}

export default async function NewDocumentPage({ params }: Props) {
  const { env, portfolio, blueprint } = await params;
  return <NewDocument env={env} portfolio={portfolio} blueprint={blueprint} />;
}
