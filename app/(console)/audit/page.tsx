import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/audit/audit-log";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <Suspense fallback={<p role="status">Loading audit log…</p>}>
      <AuditLog />
    </Suspense>
  );
}
