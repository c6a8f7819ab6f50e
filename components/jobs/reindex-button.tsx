"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { jobKeys } from "@/components/jobs/queries";
import { api, ApiError } from "@/lib/http/client";
import type { ReindexResult } from "@/lib/jobs/reindex-types";

type Progress = { read: number; indexed: number; updated: number; skipped: number; done: boolean };

/**
 * Indexes runs written outside the console (by the app): page after page of
 * run documents until the last one. Safe to stop and start again: a run is
 * indexed once however often it is read (lib/jobs/reindex.ts).
 */
export function ReindexButton({ env }: { env: string }) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    const total: Progress = { read: 0, indexed: 0, updated: 0, skipped: 0, done: false };
    setProgress({ ...total });
    try {
      let cursor: string | undefined;
      do {
        const page: ReindexResult = await api<ReindexResult>(`/api/environments/${encodeURIComponent(env)}/runs/reindex`, { method: "POST", body: { limit: 200, ...(cursor ? { cursor } : {}) } });
        total.read += page.read;
        total.indexed += page.indexed;
        total.updated += page.updated;
        total.skipped += page.skipped.length;
        cursor = page.nextCursor ?? undefined;
        setProgress({ ...total });
      } while (cursor);
      total.done = true;
      setProgress({ ...total });
      await client.invalidateQueries({ queryKey: jobKeys.all(env) });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Indexing stopped; start it again to go on.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Button variant="secondary" busy={busy} onClick={run}>Index runs written outside the console</Button>
      {progress ? (
        <span role="status">
          {progress.done ? "Done: " : "Reading… "}
          {progress.read} run documents read, {progress.indexed} indexed, {progress.updated} updated
          {progress.skipped ? `, ${progress.skipped} unreadable` : ""}
        </span>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
