import type { Metadata } from "next";
import { Suspense } from "react";
import { BlueprintPage } from "@/components/blueprints/blueprint-page";

type Props = { params: Promise<{ env: string; handle: string; name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle, name } = await params;
  return { title: `Blueprint ${handle}:${name}` };
}

export default async function Page({ params }: Props) {
  const { env, handle, name } = await params;
  return (
    <Suspense>
      <BlueprintPage env={env} handle={handle} name={name} />
    </Suspense>
  );
}
