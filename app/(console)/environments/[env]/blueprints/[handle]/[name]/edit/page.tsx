import type { Metadata } from "next";
import { Suspense } from "react";
import { EditDraft } from "@/components/blueprints/edit-draft";

type Props = { params: Promise<{ env: string; handle: string; name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle, name } = await params;
  return { title: `Edit blueprint ${handle}:${name}` };
}

export default async function Page({ params }: Props) {
  const { env, handle, name } = await params;
  return (
    <Suspense>
      <EditDraft env={env} handle={handle} name={name} />
    </Suspense>
  );
}
