import type { Metadata } from "next";
import { EnvironmentPicker } from "@/components/entities/environment-picker";

export const metadata: Metadata = { title: "Entities" };

export default function EntitiesPage() {
  return <EnvironmentPicker />;
}
