import type { Metadata } from "next";
import { BlueprintEnvironments } from "@/components/blueprints/blueprint-environments";

export const metadata: Metadata = { title: "Blueprints" };

export default function Page() {
  return <BlueprintEnvironments />;
}
