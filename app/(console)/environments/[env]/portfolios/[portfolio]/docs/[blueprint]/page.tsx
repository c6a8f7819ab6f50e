import type { Metadata } from "next";
import { Suspense } from "react";
import { DocumentList } from "@/components/documents/document-list";

type Props = { params: Promise<{ env: string; portfolio: string; blueprint: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { env, blueprint } = await params;
  return { title: `${blueprint} documents · ${env}` };
}

export default async function DocumentsPage({ params }: Props) {
  const { env, portfolio, blueprint } = await params;
  return (
    <Suspense fallback={<p role="status">Loading documents…</p>}>
      <DocumentList env={env} portfolio={portfolio} blueprint={blueprint} />
    </Suspense>
  );
}
