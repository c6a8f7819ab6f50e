import type { Metadata } from "next";
import { Suspense } from "react";
import { EditDocument } from "@/components/documents/document-editor";

type Props = { params: Promise<{ env: string; portfolio: string; blueprint: string; docId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).blueprint} document` };
}

export default async function DocumentPage({ params }: Props) {
  const { env, portfolio, blueprint, docId } = await params;
  return (
    <Suspense fallback={<p role="status">Loading the document…</p>}>
      <EditDocument env={env} portfolio={portfolio} blueprint={blueprint} docId={docId} />
    </Suspense>
  );
}
