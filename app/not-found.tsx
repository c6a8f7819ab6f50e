import type { Metadata } from "next";
import { NotFoundView } from "@/components/layout/not-found-view";

export const metadata: Metadata = { title: "Not found" };

/** Outside the console's pages (no session needed to see it). */
export default function NotFound() {
  return (
    <main className="px-4 py-10 sm:px-6">
      <NotFoundView title="Page not found" links={[{ href: "/environments", label: "Go to environments" }]}>
        <p>There is nothing at this address.</p>
      </NotFoundView>
    </main>
  );
}
