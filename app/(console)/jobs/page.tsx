import type { Metadata } from "next";
import { EnvironmentPicker } from "@/components/jobs/environment-picker";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return <EnvironmentPicker />;
}
