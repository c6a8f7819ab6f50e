import type { Metadata } from "next";
import { BlueprintList } from "@/components/blueprints/blueprint-list";

type Props = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Blueprints of ${(await params).env}` };
}

export default async function Page({ params }: Props) {
  return <BlueprintList env={(await params).env} />;
}
