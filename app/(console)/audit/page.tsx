import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/audit/audit-log";
import { LoadingState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <Suspense fallback={<LoadingState title="Audit" label="Loading audit log…" />}>
      <AuditLog />
    </Suspense>
  );
}
