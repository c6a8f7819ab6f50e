import type { Metadata } from "next";
import { NotFoundView } from "@/components/layout/not-found-view";

export const metadata: Metadata = { title: "Environment not found" };

/** Shown for an environment that is not registered, or a name that cannot be one. */
export default function EnvironmentNotFound() {
  return (
    <NotFoundView
      title="Environment not found"
      links={[
        { href: "/environments", label: "Back to environments" },
        { href: "/environments/new", label: "Add an environment" },
      ]}
    >
      <p>No environment is registered under this name. It may have been removed, or the address may be mistyped.</p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Environment names are 3 to 24 characters: a lowercase letter, then lowercase letters, digits or hyphens.
      </p>
    </NotFoundView>
  );
}
