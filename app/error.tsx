"use client";

import { Button, ButtonLink } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        The page could not be shown. Details are in the server log{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink variant="secondary" href="/environments">Go to environments</ButtonLink>
      </div>
    </main>
  );
}
