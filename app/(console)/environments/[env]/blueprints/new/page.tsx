import type { Metadata } from "next";
import { NewBlueprint } from "@/components/blueprints/new-blueprint";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `New blueprint in ${(await params).env}` };
}

export default async function Page({ params }: Props) {
  return <NewBlueprint env={(await params).env} />;
}
