import type { Metadata } from "next";
import { NotFoundView } from "@/components/layout/not-found-view";

export const metadata: Metadata = { title: "Not found" };

export default function ConsoleNotFound() {
  return (
    <NotFoundView
      title="Page not found"
      links={[
        { href: "/environments", label: "Go to environments" },
        { href: "/audit", label: "Audit log" },
      ]}
    >
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
    </NotFoundView>
  );
}
