import type { Metadata } from "next";
import { NewEnvironment } from "@/components/environments/new-environment";

export const metadata: Metadata = { title: "Add environment" };

export default function NewEnvironmentPage() {
  return <NewEnvironment />;
}
